"use client";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { type UpdateClientInput, updateClientSchema } from "@/lib/clients/schemas";

export function EditClientForm({
  description,
  update,
}: {
  description: string;
  update: (input: UpdateClientInput) => Promise<ActionResult<{ description: string }>>;
}) {
  const router = useRouter();
  const { form, submit } = useActionForm({
    schema: updateClientSchema,
    defaultValues: { description },
    action: update,
    onSuccess: (saved) => {
      toast.success("Saved");
      form.reset(saved);
      router.refresh();
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      {errors.root?.message && <Alert tone="error">{errors.root.message}</Alert>}
      <Field label="Description" error={errors.description?.message}>
        <Textarea rows={2} {...form.register("description")} />
      </Field>
      <Button type="submit" pending={isSubmitting} disabled={!isDirty}>
        Save
      </Button>
    </form>
  );
}
