"use client";
import { useState } from "react";
import type { DefaultValues, FieldValues, UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/run-action";
import { useActionForm } from "./use-action-form";

export interface FormDialogState<T extends FieldValues, R extends FieldValues> {
  form: UseFormReturn<T, unknown, R>;
  submit: () => Promise<void>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  close: () => void;
}

/**
 * An action form in a dialog: a success closes the dialog and, unless `keepValues` (an edit, whose saved values
 * are the new state), empties the form for the next one. `resetOnDismiss`: closing with Escape, the close button
 * or a click outside also forgets what was typed.
 */
export function useFormDialog<S extends z.ZodType<FieldValues, FieldValues>, R>(options: {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  action: (values: z.output<S>) => Promise<ActionResult<R>>;
  onSuccess: (data: R) => void;
  keepValues?: boolean;
  resetOnDismiss?: boolean;
}): FormDialogState<z.input<S>, z.output<S>> {
  const [open, setOpen] = useState(false);
  const { form, submit } = useActionForm({
    schema: options.schema,
    defaultValues: options.defaultValues,
    action: options.action,
    onSuccess: (data) => {
      setOpen(false);
      if (!options.keepValues) form.reset(options.defaultValues);
      options.onSuccess(data);
    },
  });
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next && options.resetOnDismiss) form.reset(options.defaultValues);
  };
  return { form, submit, open, onOpenChange, close: () => setOpen(false) };
}
