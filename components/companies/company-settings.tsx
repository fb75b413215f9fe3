"use client";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { type UpdateCompanyInput, updateCompanySchema } from "@/lib/companies/schemas";
import { plural } from "@/lib/ui/format";

export function CompanySettings({
  name,
  description,
  systems,
  canEdit,
  update,
  remove,
}: {
  name: string;
  description: string;
  systems: number;
  canEdit: boolean;
  update: (input: UpdateCompanyInput) => Promise<ActionResult<{ description: string }>>;
  remove: () => Promise<ActionResult<{ name: string }>>;
}) {
  const router = useRouter();
  const { form, submit } = useActionForm({
    schema: updateCompanySchema,
    defaultValues: { description },
    action: update,
    onSuccess: (c) => {
      toast.success("Saved");
      form.reset({ description: c.description });
      router.refresh();
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Company"
          description={`${name} names every system and topic of the company and cannot change.`}
        />
        <CardBody>
          <form onSubmit={submit} className="max-w-xl space-y-4" noValidate>
            {errors.root?.message && <Alert tone="error">{errors.root.message}</Alert>}
            <Field label="Description" error={errors.description?.message}>
              <Textarea rows={3} disabled={!canEdit} {...form.register("description")} />
            </Field>
            {canEdit && (
              <Button type="submit" pending={isSubmitting} disabled={!isDirty}>
                Save
              </Button>
            )}
          </form>
        </CardBody>
      </Card>
      {canEdit && (
        <Card className="ring-red-200">
          <CardHeader
            title="Delete company"
            description="Removes the company and every membership in it. Its audit log is kept."
          />
          <CardBody>
            {systems > 0 ? (
              <Alert tone="warning">
                {name} owns {plural(systems, "system")}. Delete them first; each takes its Kafka topics with it.
              </Alert>
            ) : (
              <ConfirmDialog
                title={`Delete ${name}?`}
                confirmLabel="Delete company"
                typeToConfirm={name}
                trigger={<Button variant="danger">Delete company</Button>}
                onConfirm={async () => {
                  const result = await remove();
                  if (!result.ok) {
                    toast.error(result.error);
                    return false;
                  }
                  toast.success(`${result.data.name} deleted`);
                  router.push("/");
                  router.refresh();
                }}
              >
                <p>This deletes the company {name} and all its memberships. It owns no systems, so no data is lost.</p>
              </ConfirmDialog>
            )}
          </CardBody>
        </Card>
      )}
    </div>
  );
}
