"use client";
import type { ReactNode } from "react";
import { type Control, type FieldValues, useFormState } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { FormDialogState } from "./use-form-dialog";

/**
 * A dialog's form: the server's refusal on top, the fields, then Cancel and the submit button (spinning while the
 * action runs). Cancel only closes: what was typed stays for the next opening.
 */
export function DialogForm<T extends FieldValues, R extends FieldValues>({
  control,
  submit,
  submitLabel,
  onCancel,
  children,
}: {
  control: Control<T, unknown, R>;
  submit: () => Promise<void>;
  submitLabel: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { errors, isSubmitting } = useFormState({ control });
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {errors.root?.message && <Alert tone="error">{errors.root.message}</Alert>}
      {children}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" pending={isSubmitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** A dialog holding one action form, opened by its trigger; the state comes from useFormDialog. */
export function FormDialog<T extends FieldValues, R extends FieldValues>({
  dialog,
  title,
  description,
  trigger,
  submitLabel,
  className,
  children,
}: {
  dialog: FormDialogState<T, R>;
  title: string;
  description: ReactNode;
  trigger: ReactNode;
  submitLabel: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Dialog
      open={dialog.open}
      onOpenChange={dialog.onOpenChange}
      title={title}
      description={description}
      trigger={trigger}
      className={className}
    >
      <DialogForm
        control={dialog.form.control}
        submit={dialog.submit}
        submitLabel={submitLabel}
        onCancel={dialog.close}
      >
        {children}
      </DialogForm>
    </Dialog>
  );
}
