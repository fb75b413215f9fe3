"use client";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { type UpdateProfileInput, updateProfileSchema } from "@/lib/users/schemas";

export function AccountCard({
  name,
  email,
  update,
}: {
  name: string;
  email: string;
  update: (input: UpdateProfileInput) => Promise<ActionResult<{ name: string }>>;
}) {
  const router = useRouter();
  const { form, submit } = useActionForm({
    schema: updateProfileSchema,
    defaultValues: { name },
    action: update,
    onSuccess: (user) => {
      toast.success("Name saved");
      form.reset({ name: user.name });
      router.refresh();
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  return (
    <Card>
      <CardHeader title="Account" description="Your email signs you in and cannot be changed here." />
      <CardBody>
        <form onSubmit={submit} className="space-y-4" noValidate>
          {errors.root?.message && <Alert tone="error">{errors.root.message}</Alert>}
          <Field label="Email">
            <Input value={email} readOnly disabled />
          </Field>
          <Field label="Name" error={errors.name?.message}>
            <Input autoComplete="name" {...form.register("name")} />
          </Field>
          <Button type="submit" pending={isSubmitting} disabled={!isDirty}>
            Save name
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
