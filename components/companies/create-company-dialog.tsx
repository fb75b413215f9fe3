"use client";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { type CreateCompanyInput, createCompanySchema } from "@/lib/companies/schemas";
import { NAME_PART_RULE } from "@/lib/names";

export function CreateCompanyDialog({
  action,
  primary,
}: {
  action: (input: CreateCompanyInput) => Promise<ActionResult<{ id: string; name: string }>>;
  primary?: boolean;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { form, submit } = useActionForm({
    schema: createCompanySchema,
    defaultValues: { domain: "", enterprise: "", description: "" },
    action,
    onSuccess: (company) => {
      toast.success(`Company ${company.name} created; you are its admin`);
      setOpen(false);
      form.reset();
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  const domain = form.watch("domain");
  const enterprise = form.watch("enterprise");
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Create a company"
      description="A company (tenant) owns systems, client applications and data. You become its first admin."
      trigger={
        <Button variant={primary ? "primary" : "secondary"}>
          <Plus className="size-4" aria-hidden /> Create company
        </Button>
      }
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        {errors.root?.message && <Alert tone="error">{errors.root.message}</Alert>}
        <div className="grid grid-cols-2 gap-3">
          <Field label="Domain" hint="e.g. cz" error={errors.domain?.message}>
            <Input autoComplete="off" {...form.register("domain")} />
          </Field>
          <Field label="Enterprise" hint="e.g. icecars" error={errors.enterprise?.message}>
            <Input autoComplete="off" {...form.register("enterprise")} />
          </Field>
        </div>
        <p className="text-xs text-slate-500">
          Name:{" "}
          <code className="font-mono text-slate-700">{`${domain || "domain"}.${enterprise || "enterprise"}`}</code>.
          Each part: {NAME_PART_RULE}. It prefixes every system name and Kafka topic and cannot change later.
        </p>
        <Field label="Description" error={errors.description?.message}>
          <Textarea rows={3} {...form.register("description")} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" pending={isSubmitting}>
            Create company
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
