"use client";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { type ChangePasswordInput, changePasswordSchema } from "@/lib/users/schemas";

const empty = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function PasswordCard({
  change,
  signOutOthers,
}: {
  change: (input: ChangePasswordInput) => Promise<ActionResult<Record<string, never>>>;
  signOutOthers: () => Promise<ActionResult<Record<string, never>>>;
}) {
  const { form, submit } = useActionForm({
    schema: changePasswordSchema,
    defaultValues: empty,
    action: change,
    onSuccess: () => {
      toast.success("Password changed");
      form.reset(empty);
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <Card>
      <CardHeader
        title="Password and sessions"
        description="Changing the password signs out every other browser signed in as you; this one stays signed in. API tokens stay valid until you revoke them."
      />
      <CardBody>
        <form onSubmit={submit} className="space-y-4" noValidate>
          {errors.root?.message && <Alert tone="error">{errors.root.message}</Alert>}
          <Field label="Current password" error={errors.currentPassword?.message}>
            <Input type="password" autoComplete="current-password" {...form.register("currentPassword")} />
          </Field>
          <Field label="New password" hint="At least 10 characters" error={errors.newPassword?.message}>
            <Input type="password" autoComplete="new-password" {...form.register("newPassword")} />
          </Field>
          <Field label="Repeat the new password" error={errors.confirmPassword?.message}>
            <Input type="password" autoComplete="new-password" {...form.register("confirmPassword")} />
          </Field>
          <Button type="submit" pending={isSubmitting}>
            Change password
          </Button>
        </form>
        <div className="mt-6 border-t border-slate-200 pt-4">
          <ConfirmDialog
            trigger={<Button variant="secondary">Sign out other sessions</Button>}
            title="Sign out your other sessions?"
            confirmLabel="Sign out others"
            onConfirm={async () => {
              const result = await signOutOthers();
              if (!result.ok) {
                toast.error(result.error);
                return false;
              }
              toast.success("Other sessions signed out");
            }}
          >
            <p>
              Every other browser signed in as you goes back to the sign-in page at its next request. This one stays
              signed in; API tokens are not affected.
            </p>
          </ConfirmDialog>
        </div>
      </CardBody>
    </Card>
  );
}
