"use client";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { LABEL_NAME_RULE } from "@/lib/names";
import { type CreateObservedPropertyInput, createObservedPropertySchema } from "@/lib/observed-properties/schemas";

export interface ObservedPropertyFields {
  name: string;
  description: string;
  definition: string;
}

/** Create or edit an observed property (what datastreams measure); it is in no Kafka name, so it may be renamed. */
export function ObservedPropertyFormDialog({
  observedProperty,
  propertiesHref,
  action,
  trigger,
}: {
  observedProperty?: ObservedPropertyFields;
  propertiesHref: string;
  action: (input: CreateObservedPropertyInput) => Promise<ActionResult<{ id: string; name: string }>>;
  trigger: ReactNode;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const editing = observedProperty !== undefined;
  const defaults = observedProperty ?? { name: "", description: "", definition: "" };
  const { form, submit } = useActionForm({
    schema: createObservedPropertySchema,
    defaultValues: defaults,
    action,
    onSuccess: (saved) => {
      setOpen(false);
      if (editing) {
        toast.success("Saved");
        router.refresh();
      } else {
        toast.success(`Observed property ${saved.name} created`);
        form.reset(defaults);
        router.push(`${propertiesHref}/${saved.id}`);
      }
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) form.reset(defaults);
      }}
      title={editing ? `Edit ${observedProperty.name}` : "Create an observed property"}
      description="What a datastream measures, e.g. air temperature, with a URI that defines it."
      trigger={trigger}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        {errors.root?.message && <Alert tone="error">{errors.root.message}</Alert>}
        <Field label="Name" hint={`Unique in this system. ${LABEL_NAME_RULE}`} error={errors.name?.message}>
          <Input autoComplete="off" {...form.register("name")} />
        </Field>
        <Field label="Description" error={errors.description?.message}>
          <Textarea rows={2} {...form.register("description")} />
        </Field>
        <Field label="Definition" hint="A URI naming the quantity, e.g. QUDT's" error={errors.definition?.message}>
          <Input autoComplete="off" {...form.register("definition")} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" pending={isSubmitting}>
            {editing ? "Save" : "Create observed property"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
