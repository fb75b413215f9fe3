"use client";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { description, ENTITY_NAME_RULE, entityName } from "@/lib/names";
import { thingProperties } from "@/lib/things/schemas";
import { jsonObjectText, jsonText } from "@/lib/ui/json-text";

const thingFormSchema = z.object({
  name: entityName,
  description,
  properties: jsonObjectText.transform((v) => v ?? {}).pipe(thingProperties),
});
export type ThingFormValues = z.output<typeof thingFormSchema>;

export interface ThingFields {
  name: string;
  description: string;
  properties: unknown;
}

/**
 * Create a thing, or edit one (its name is then read-only: it is a level of its datastreams' full names). On
 * creation the new thing's page opens.
 */
export function ThingFormDialog({
  systemName,
  thing,
  thingsHref,
  action,
  trigger,
}: {
  systemName: string;
  /** The thing to edit; absent to create one. */
  thing?: ThingFields;
  thingsHref: string;
  action: (input: ThingFormValues) => Promise<ActionResult<{ id: string; name: string }>>;
  trigger: ReactNode;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const editing = thing !== undefined;
  const defaults = {
    name: thing?.name ?? "",
    description: thing?.description ?? "",
    properties: jsonText(thing?.properties ?? {}),
  };
  const { form, submit } = useActionForm({
    schema: thingFormSchema,
    defaultValues: defaults,
    action,
    onSuccess: (saved) => {
      setOpen(false);
      if (editing) {
        toast.success("Saved");
        router.refresh();
      } else {
        toast.success(`Thing ${saved.name} created`);
        form.reset(defaults);
        router.push(`${thingsHref}/${saved.id}`);
      }
    },
  });
  const { errors, isSubmitting } = form.formState;
  const name = form.watch("name");
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) form.reset(defaults);
      }}
      title={editing ? `Edit ${thing.name}` : "Create a thing"}
      description="An asset of this system (a car, a machine, a station) whose datastreams are named after it."
      trigger={trigger}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        {errors.root?.message && <Alert tone="error">{errors.root.message}</Alert>}
        <Field
          label="Name"
          hint={
            editing
              ? "Cannot change: it is part of the full name of each of its datastreams, their Kafka message key."
              : `e.g. Main. ${ENTITY_NAME_RULE}. It cannot change later.`
          }
          error={errors.name?.message}
        >
          <Input
            autoComplete="off"
            readOnly={editing}
            className={editing ? "bg-slate-50 text-slate-500" : undefined}
            {...form.register("name")}
          />
        </Field>
        {!editing && (
          <p className="text-xs text-slate-500">
            Its datastreams will be named{" "}
            <code className="font-mono break-all text-slate-800" data-testid="thing-name-preview">
              {systemName}.{name || "name"}.…
            </code>
          </p>
        )}
        <Field label="Description" error={errors.description?.message}>
          <Textarea rows={2} {...form.register("description")} />
        </Field>
        <Field
          label="Properties (JSON)"
          hint='Free-form JSON object, e.g. { "specification": "https://…" }'
          error={errors.properties?.message}
        >
          <Textarea rows={4} className="font-mono text-xs" spellCheck={false} {...form.register("properties")} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" pending={isSubmitting}>
            {editing ? "Save" : "Create thing"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
