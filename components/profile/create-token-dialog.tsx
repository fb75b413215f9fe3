"use client";
import { KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { DialogForm } from "@/components/forms/form-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { type CreateTokenFormInput, createTokenFormSchema } from "@/lib/api-tokens/schemas";
import { curlWithToken } from "@/lib/ui/api-credentials";

export interface CreatedToken {
  token: string;
  name: string;
  expiresAt: string | null;
}

/** Creates a personal API token and shows it once, with a copy button and a curl line that uses it. */
export function CreateTokenDialog({
  origin,
  action,
}: {
  origin: string;
  action: (input: CreateTokenFormInput) => Promise<ActionResult<CreatedToken>>;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const tokenInput = useRef<HTMLInputElement>(null);
  const { form, submit } = useActionForm({
    schema: createTokenFormSchema,
    defaultValues: { name: "", expiry: "90" },
    action,
    onSuccess: (token) => {
      setCreated(token);
      form.reset();
      router.refresh();
    },
  });
  const { errors } = form.formState;
  const curl = created ? curlWithToken(`${origin}/api/v1`, created.token) : "";
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // The clear token lives only in this dialog: closing it forgets it.
        if (!next) setCreated(null);
      }}
      title={created ? `Token “${created.name}” created` : "Create an API token"}
      description={
        created ? undefined : "A token acts with your rights in every company you belong to, through the REST API."
      }
      trigger={
        <Button>
          <KeyRound className="size-4" aria-hidden /> Create token
        </Button>
      }
    >
      {created ? (
        <div className="space-y-4">
          <Alert tone="warning" title="Copy it now: it will not be shown again">
            Rhei keeps only a hash of the token. If you lose it, revoke it and create another.
          </Alert>
          <div className="flex items-center gap-2">
            <Input
              ref={tokenInput}
              readOnly
              value={created.token}
              aria-label="Your new API token"
              className="font-mono text-xs"
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton text={created.token} onFallback={() => tokenInput.current?.select()} />
          </div>
          <div>
            <div className="mb-1 flex items-center justify-between">
              <p className="text-sm font-medium text-slate-700">Try it</p>
              <CopyButton text={curl} label="Copy command" />
            </div>
            <pre className="rounded-md bg-slate-900 p-3 text-xs break-all whitespace-pre-wrap text-slate-100">
              {curl}
            </pre>
          </div>
          <p className="text-sm text-slate-500">
            {created.expiresAt ? `Expires ${created.expiresAt.slice(0, 10)}.` : "Never expires: revoke it when done."}
          </p>
          <div className="flex justify-end">
            <Button onClick={() => setOpen(false)}>Done</Button>
          </div>
        </div>
      ) : (
        <DialogForm control={form.control} submit={submit} submitLabel="Create token" onCancel={() => setOpen(false)}>
          <Field label="Name" hint="What it is for, e.g. “CI pipeline”" error={errors.name?.message}>
            <Input autoComplete="off" {...form.register("name")} />
          </Field>
          <Field label="Expires" error={errors.expiry?.message}>
            <NativeSelect {...form.register("expiry")}>
              <option value="30">in 30 days</option>
              <option value="90">in 90 days</option>
              <option value="365">in 365 days</option>
              <option value="never">never</option>
            </NativeSelect>
          </Field>
        </DialogForm>
      )}
    </Dialog>
  );
}
