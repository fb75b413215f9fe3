"use client";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { FormDialog } from "@/components/forms/form-dialog";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { type CreateDashboardInput, createDashboardSchema } from "@/lib/dashboards/schemas";

export function CreateDashboardDialog({
  action,
}: {
  action: (input: CreateDashboardInput) => Promise<ActionResult<{ id: string; href: string }>>;
}) {
  const router = useRouter();
  const dialog = useFormDialog({
    schema: createDashboardSchema,
    defaultValues: { name: "", description: "" },
    action,
    onSuccess: (d) => {
      toast.success("Dashboard created: add its panels");
      router.push(`${d.href}?edit=1`);
    },
  });
  const { form } = dialog;
  const { errors } = form.formState;
  return (
    <FormDialog
      dialog={dialog}
      title="New dashboard"
      description="Shared with everyone in the company; you and the admins may change it."
      trigger={
        <Button>
          <Plus className="size-4" aria-hidden /> New dashboard
        </Button>
      }
      submitLabel="Create dashboard"
    >
      <Field label="Name" error={errors.name?.message}>
        <Input autoComplete="off" {...form.register("name")} />
      </Field>
      <Field label="Description" error={errors.description?.message}>
        <Textarea rows={2} {...form.register("description")} />
      </Field>
    </FormDialog>
  );
}
