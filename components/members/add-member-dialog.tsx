"use client";
import { UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { FormDialog } from "@/components/forms/form-dialog";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { roles } from "@/lib/authz/permissions";
import { type InviteMemberInput, inviteMemberSchema } from "@/lib/members/schemas";
import { roleDescriptions } from "./role-descriptions";

export function InviteMemberDialog({
  action,
}: {
  action: (input: InviteMemberInput) => Promise<ActionResult<{ email: string; role: string }>>;
}) {
  const router = useRouter();
  const dialog = useFormDialog({
    schema: inviteMemberSchema,
    defaultValues: { email: "", role: "engineer" },
    action,
    onSuccess: (m) => {
      toast.success(`Invited ${m.email} as ${m.role}: they join once they accept`);
      router.refresh();
    },
  });
  const { form } = dialog;
  const { errors } = form.formState;
  const role = form.watch("role");
  return (
    <FormDialog
      dialog={dialog}
      title="Invite a member"
      description="They join once they accept, signed in with this email (they can sign up with it first). Until then the invitation is listed below."
      trigger={
        <Button>
          <UserPlus className="size-4" aria-hidden /> Invite member
        </Button>
      }
      submitLabel="Invite"
    >
      <Field label="Email" error={errors.email?.message}>
        <Input type="email" autoComplete="off" {...form.register("email")} />
      </Field>
      <Field label="Role" hint={roleDescriptions[role as keyof typeof roleDescriptions]} error={errors.role?.message}>
        <NativeSelect {...form.register("role")}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </NativeSelect>
      </Field>
    </FormDialog>
  );
}
