"use client";
import { AlertDialog as A } from "radix-ui";
import { type ReactNode, useId, useState } from "react";
import { Button } from "./button";
import { Input } from "./input";

export interface ConfirmDialogProps {
  trigger: ReactNode;
  title: string;
  /** What goes with it: say every object the action removes or changes. */
  children: ReactNode;
  confirmLabel: string;
  /** When set, the user must type this (the object's name) before confirming. */
  typeToConfirm?: string;
  /** Returning false (or a promise of false) keeps the dialog open, e.g. when the action failed. */
  onConfirm: () => unknown;
}

/** Confirmation before a destructive action; it stays open while the action runs and closes only if it succeeds. */
export function ConfirmDialog({
  trigger,
  title,
  children,
  confirmLabel,
  typeToConfirm,
  onConfirm,
}: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [typed, setTyped] = useState("");
  const inputId = useId();
  const blocked = typeToConfirm !== undefined && typed !== typeToConfirm;
  return (
    <A.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setTyped("");
      }}
    >
      <A.Trigger asChild>{trigger}</A.Trigger>
      <A.Portal>
        <A.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <A.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <A.Title className="text-lg font-semibold text-slate-900">{title}</A.Title>
          <A.Description asChild>
            <div className="mt-2 space-y-2 text-sm text-slate-600">{children}</div>
          </A.Description>
          {typeToConfirm !== undefined && (
            <div className="mt-4">
              <label htmlFor={inputId} className="block text-sm text-slate-700">
                Type <code className="rounded bg-slate-100 px-1 font-mono text-xs">{typeToConfirm}</code> to confirm
              </label>
              <Input
                id={inputId}
                className="mt-1"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                autoComplete="off"
              />
            </div>
          )}
          <div className="mt-6 flex justify-end gap-2">
            <A.Cancel asChild>
              <Button variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </A.Cancel>
            <Button
              variant="danger"
              pending={pending}
              disabled={blocked}
              onClick={async () => {
                setPending(true);
                try {
                  const result = await onConfirm();
                  if (result !== false) setOpen(false);
                } finally {
                  setPending(false);
                }
              }}
            >
              {confirmLabel}
            </Button>
          </div>
        </A.Content>
      </A.Portal>
    </A.Root>
  );
}
