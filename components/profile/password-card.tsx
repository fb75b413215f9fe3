"use client";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { type ChangePasswordInput, changePasswordSchema } from "@/lib/users/schemas";

const empty = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function PasswordCard({
  change,
}: {
  change: (input: ChangePasswordInput) => Promise<ActionResult<Record<string, never>>>;
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
        title="Password"
        description="Other signed-in browsers stay signed in until their session ends (8 hours)."
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
      </CardBody>
    </Card>
  );
}
