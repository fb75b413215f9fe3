"use client";
import { KeyRound } from "lucide-react";
import { FormDialog } from "@/components/forms/form-dialog";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { type RegisterClientInput, registerClientSchema } from "@/lib/clients/schemas";
import type { IssuedSecret } from "@/lib/clients/sdk-config";
import { CLIENT_NAME_RULE } from "@/lib/names";
import { clientPrincipal } from "@/lib/topology/principals";

/** The registration form; on success it closes and hands the secret to the caller, which shows it once. */
export function RegisterClientDialog({
  systemName,
  action,
  onRegistered,
}: {
  systemName: string;
  action: (input: RegisterClientInput) => Promise<ActionResult<IssuedSecret>>;
  onRegistered: (issued: IssuedSecret) => void;
}) {
  const dialog = useFormDialog({
    schema: registerClientSchema,
    defaultValues: { name: "", description: "" },
    action,
    onSuccess: onRegistered,
  });
  const { form } = dialog;
  const { errors } = form.formState;
  const name = form.watch("name");
  return (
    <FormDialog
      dialog={dialog}
      title="Register a client application"
      description="A machine or program that produces into this system and consumes from it, with its own credentials."
      trigger={
        <Button>
          <KeyRound className="size-4" aria-hidden /> Register client
        </Button>
      }
      submitLabel="Register client"
    >
      <Field label="Name" hint={`e.g. car_1. ${CLIENT_NAME_RULE}`} error={errors.name?.message}>
        <Input autoComplete="off" {...form.register("name")} />
      </Field>
      <p className="text-xs text-slate-500">
        Kafka user and consumer group:{" "}
        <code className="font-mono break-all text-slate-800" data-testid="principal-preview">
          {clientPrincipal(systemName, name || "name")}
        </code>
        . The name cannot change later.
      </p>
      <Field label="Description" error={errors.description?.message}>
        <Textarea rows={2} {...form.register("description")} />
      </Field>
    </FormDialog>
  );
}
