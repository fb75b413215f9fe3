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
import { type CreateCompanyInput, createCompanySchema } from "@/lib/companies/schemas";
import { NAME_PART_RULE } from "@/lib/names";
import { companyPath } from "@/lib/ui/console-paths";

export function CreateCompanyDialog({
  action,
  primary,
}: {
  action: (input: CreateCompanyInput) => Promise<ActionResult<{ id: string; name: string }>>;
  primary?: boolean;
}) {
  const router = useRouter();
  const dialog = useFormDialog({
    schema: createCompanySchema,
    defaultValues: { domain: "", enterprise: "", description: "" },
    action,
    onSuccess: (company) => {
      toast.success(`Company ${company.name} created; you are its admin`);
      // Straight to the new company: the next step (a system, members) is there.
      router.push(companyPath(company.id));
    },
  });
  const { form } = dialog;
  const { errors } = form.formState;
  const domain = form.watch("domain");
  const enterprise = form.watch("enterprise");
  return (
    <FormDialog
      dialog={dialog}
      title="Create a company"
      description="A company (tenant) owns systems, client applications and data. You become its first admin."
      trigger={
        <Button variant={primary ? "primary" : "secondary"}>
          <Plus className="size-4" aria-hidden /> Create company
        </Button>
      }
      submitLabel="Create company"
    >
      <div className="grid grid-cols-2 gap-3">
        <Field label="Domain" hint="e.g. cz" error={errors.domain?.message}>
          <Input autoComplete="off" {...form.register("domain")} />
        </Field>
        <Field label="Enterprise" hint="e.g. icecars" error={errors.enterprise?.message}>
          <Input autoComplete="off" {...form.register("enterprise")} />
        </Field>
      </div>
      <p className="text-xs text-slate-500">
        Name: <code className="font-mono text-slate-700">{`${domain || "domain"}.${enterprise || "enterprise"}`}</code>.
        Each part: {NAME_PART_RULE}. It prefixes every system name and Kafka topic and cannot change later.
      </p>
      <Field label="Description" error={errors.description?.message}>
        <Textarea rows={3} {...form.register("description")} />
      </Field>
    </FormDialog>
  );
}
