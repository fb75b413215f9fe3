"use client";
import { Share2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { z } from "zod";
import { FormDialog } from "@/components/forms/form-dialog";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { GRANT_PATTERN_RULE, offerGrantSchema } from "@/lib/grants/schemas";

const schema = offerGrantSchema.extend({ systemId: z.uuid("Choose one of your systems") });
type Input_ = z.input<typeof schema>;

/** The source company offers datastreams of one of its systems to another company. */
export function OfferGrantDialog({
  systems,
  action,
}: {
  systems: { id: string; name: string }[];
  action: (input: z.output<typeof schema>) => Promise<ActionResult<{ id: string; href: string }>>;
}) {
  const router = useRouter();
  const dialog = useFormDialog({
    schema,
    defaultValues: {
      systemId: systems[0]?.id ?? "",
      targetCompany: "",
      targetSystem: "",
      datastreams: "*.*",
      filter: "",
      description: "",
    } satisfies Partial<Input_>,
    action,
    onSuccess: (d) => {
      toast.success("Grant offered: nothing flows until the receiving company's admin accepts it");
      router.push(d.href);
    },
  });
  const { form } = dialog;
  const { errors } = form.formState;
  return (
    <FormDialog
      dialog={dialog}
      title="Offer a grant"
      description="Let another company's stream apps read datastreams of one of your systems, into their own systems. Their users and clients never see your topics."
      trigger={
        <Button>
          <Share2 className="size-4" aria-hidden /> Offer a grant
        </Button>
      }
      submitLabel="Offer grant"
    >
      <Field label="Your system" error={errors.systemId?.message}>
        <NativeSelect {...form.register("systemId")}>
          {systems.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Datastreams" hint={GRANT_PATTERN_RULE} error={errors.datastreams?.message}>
        <Input autoComplete="off" className="font-mono" {...form.register("datastreams")} />
      </Field>
      <Field label="To company" hint="domain.enterprise, e.g. at.datahouse" error={errors.targetCompany?.message}>
        <Input autoComplete="off" {...form.register("targetCompany")} />
      </Field>
      <Field
        label="Only into its system (optional)"
        hint="domain.enterprise.workcenter.station; empty: any of its systems"
        error={errors.targetSystem?.message}
      >
        <Input autoComplete="off" {...form.register("targetSystem")} />
      </Field>
      <Field
        label="Condition (optional)"
        hint="A filter-language condition the records must meet too, e.g. result < 50"
        error={errors.filter?.message}
      >
        <Textarea rows={2} className="font-mono" {...form.register("filter")} />
      </Field>
      <Field label="Ends (optional)" hint="The grant ends by itself then (UTC)" error={errors.endsAt?.message}>
        <Input
          type="datetime-local"
          {...form.register("endsAt", { setValueAs: (v) => (v ? `${v}:00Z` : undefined) })}
        />
      </Field>
      <Field label="Description" error={errors.description?.message}>
        <Textarea rows={2} {...form.register("description")} />
      </Field>
    </FormDialog>
  );
}
