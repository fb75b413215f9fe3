"use client";
import { FormDialog } from "@/components/forms/form-dialog";
import { EditButton, NewButton } from "@/components/metadata/entity-buttons";
import { useEntityFormDialog } from "@/components/metadata/use-entity-form-dialog";
import { DottedName } from "@/components/ui/dotted-name";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import type { CreateDatastreamInput, ObservationTypeName } from "@/lib/datastreams/schemas";
import { ENTITY_NAME_RULE } from "@/lib/names";
import { jsonText } from "@/lib/ui/json-text";
import { datastreamFormSchema } from "./datastream-form-schema";
import { describeObservationType, observationTypes } from "./observation-types";

export interface Option {
  id: string;
  name: string;
}

/** The things, sensors and observed properties a datastream may refer to (a system's first few hundred of each). */
export interface DatastreamOptions {
  things: Option[];
  sensors: Option[];
  observedProperties: Option[];
  /** True when a list was cut short; the form then says where to find the rest. */
  truncated: boolean;
}

export interface DatastreamFields {
  name: string;
  thing: Option;
  description: string;
  sensorId: string | null;
  observedPropertyId: string | null;
  observationType: ObservationTypeName;
  unit: { name: string; symbol: string; definition: string };
  resultSchema: unknown;
}

const SCHEMA_EXAMPLE = `{
  "type": "object",
  "properties": { "lat": { "type": "number" }, "lon": { "type": "number" } },
  "required": ["lat", "lon"]
}`;

/**
 * Create a datastream, or edit one. Name and thing are read-only when editing (they make its full name, the Kafka
 * message key); a change of type, unit or result schema makes a new schema version, and the form says so.
 */
export function DatastreamFormDialog({
  systemName,
  options,
  datastream,
  thingId,
  datastreamsHref,
  action,
}: {
  systemName: string;
  options: DatastreamOptions;
  /** The datastream to edit; absent to create one. */
  datastream?: DatastreamFields;
  /** Creating from a thing's page: that thing, chosen already. */
  thingId?: string;
  datastreamsHref: string;
  action: (input: CreateDatastreamInput) => Promise<ActionResult<{ id: string; fullName: string }>>;
}) {
  const editing = datastream !== undefined;
  const dialog = useEntityFormDialog({
    schema: datastreamFormSchema,
    defaults: {
      thingId: datastream?.thing.id ?? thingId ?? (options.things.length === 1 ? (options.things[0]?.id ?? "") : ""),
      name: datastream?.name ?? "",
      description: datastream?.description ?? "",
      sensorId: datastream?.sensorId ?? "",
      observedPropertyId: datastream?.observedPropertyId ?? "",
      observationType: datastream?.observationType ?? "Measurement",
      unit: datastream?.unit ?? { name: "", symbol: "", definition: "" },
      resultSchema: jsonText(datastream?.resultSchema),
    },
    editing,
    action,
    listHref: datastreamsHref,
    created: (saved) => `Datastream ${saved.fullName} created`,
  });
  const { form } = dialog;
  const { errors } = form.formState;
  const [type, name, chosenThing] = form.watch(["observationType", "name", "thingId"]);
  const thingName = datastream?.thing.name ?? options.things.find((t) => t.id === chosenThing)?.name ?? "thing";
  return (
    <FormDialog
      dialog={dialog}
      title={editing ? `Edit ${datastream.name}` : "Create a datastream"}
      description="One typed series of observations of a thing. Its full name is the Kafka message key of its records."
      trigger={editing ? <EditButton /> : <NewButton>New datastream</NewButton>}
      submitLabel={editing ? "Save" : "Create datastream"}
      className="max-w-2xl"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Thing"
          hint={editing ? "Cannot change: a datastream cannot move to another thing." : undefined}
          error={errors.thingId?.message}
        >
          {editing ? (
            // Not a registered field: the thing stays as it is, and its id travels from the defaults.
            <Input readOnly value={datastream.thing.name} className="bg-slate-50 text-slate-500" />
          ) : (
            <NativeSelect {...form.register("thingId")}>
              <option value="">Choose a thing…</option>
              {options.things.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field
          label="Name"
          hint={editing ? "Cannot change: it is the last level of the full name." : ENTITY_NAME_RULE}
          error={errors.name?.message}
        >
          <Input
            autoComplete="off"
            readOnly={editing}
            className={editing ? "bg-slate-50 text-slate-500" : undefined}
            {...form.register("name")}
          />
        </Field>
      </div>
      <p className="text-xs text-slate-500">
        Full name (the Kafka message key{editing ? "" : "; it cannot change later"}):{" "}
        <code className="font-mono break-words text-slate-800" data-testid="datastream-name-preview">
          <DottedName name={`${systemName}.${thingName}.${name || "name"}`} />
        </code>
      </p>
      {options.truncated && !editing && (
        <p className="text-xs text-amber-700">
          Only the first few hundred things, sensors and properties are listed here; to use another, open its page.
        </p>
      )}
      <Field label="Description" error={errors.description?.message}>
        <Textarea rows={2} {...form.register("description")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Sensor" hint="The device that measures (optional)" error={errors.sensorId?.message}>
          <NativeSelect {...form.register("sensorId")}>
            <option value="">None</option>
            {options.sensors.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label="Observed property" hint="What it measures (optional)" error={errors.observedPropertyId?.message}>
          <NativeSelect {...form.register("observedPropertyId")}>
            <option value="">None</option>
            {options.observedProperties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Observation type</legend>
        <div className="grid gap-1.5">
          {observationTypes.map((t) => (
            <label key={t} className="flex items-start gap-2 text-sm text-slate-700">
              <input type="radio" value={t} className="mt-1" {...form.register("observationType")} />
              <span>{describeObservationType(t)}</span>
            </label>
          ))}
        </div>
        {errors.observationType?.message && (
          <p className="text-xs text-red-600" role="alert">
            {errors.observationType.message}
          </p>
        )}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Unit of measurement</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Unit name" hint="e.g. DegreeCelsius" error={errors.unit?.name?.message}>
            <Input autoComplete="off" {...form.register("unit.name")} />
          </Field>
          <Field label="Unit symbol" hint="e.g. degC" error={errors.unit?.symbol?.message}>
            <Input autoComplete="off" {...form.register("unit.symbol")} />
          </Field>
          <Field label="Unit definition" hint="A URI, e.g. QUDT's" error={errors.unit?.definition?.message}>
            <Input autoComplete="off" {...form.register("unit.definition")} />
          </Field>
        </div>
      </fieldset>
      {type === "Observation" && (
        <Field
          label="Result schema (JSON Schema)"
          hint="Draft 2020-12, or draft-07 with its $schema. Every result must match it."
          error={errors.resultSchema?.message}
        >
          <Textarea
            rows={8}
            className="font-mono text-xs"
            spellCheck={false}
            placeholder={SCHEMA_EXAMPLE}
            {...form.register("resultSchema")}
          />
        </Field>
      )}
      {editing && (
        <p className="text-xs text-slate-500">
          Changing the type, unit or result schema makes a new schema version; earlier versions stay readable.
        </p>
      )}
    </FormDialog>
  );
}
