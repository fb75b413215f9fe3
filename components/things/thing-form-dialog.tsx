"use client";
import { z } from "zod";
import { FormDialog } from "@/components/forms/form-dialog";
import { EditButton, NewButton } from "@/components/metadata/entity-buttons";
import { useEntityFormDialog } from "@/components/metadata/use-entity-form-dialog";
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
}: {
  systemName: string;
  /** The thing to edit; absent to create one. */
  thing?: ThingFields;
  thingsHref: string;
  action: (input: ThingFormValues) => Promise<ActionResult<{ id: string; name: string }>>;
}) {
  const editing = thing !== undefined;
  const dialog = useEntityFormDialog({
    schema: thingFormSchema,
    defaults: {
      name: thing?.name ?? "",
      description: thing?.description ?? "",
      properties: jsonText(thing?.properties ?? {}),
    },
    editing,
    action,
    listHref: thingsHref,
    created: (saved) => `Thing ${saved.name} created`,
  });
  const { form } = dialog;
  const { errors } = form.formState;
  const name = form.watch("name");
  return (
    <FormDialog
      dialog={dialog}
      title={editing ? `Edit ${thing.name}` : "Create a thing"}
      description="An asset of this system (a car, a machine, a station) whose datastreams are named after it."
      trigger={editing ? <EditButton /> : <NewButton>New thing</NewButton>}
      submitLabel={editing ? "Save" : "Create thing"}
    >
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
    </FormDialog>
  );
}
