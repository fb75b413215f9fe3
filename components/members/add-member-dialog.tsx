"use client";
import { UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { roles } from "@/lib/authz/permissions";
import { type AddMemberInput, addMemberSchema } from "@/lib/members/schemas";
import { roleDescriptions } from "./role-descriptions";

export function AddMemberDialog({
  action,
}: {
  action: (input: AddMemberInput) => Promise<ActionResult<{ email: string; role: string }>>;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { form, submit } = useActionForm({
    schema: addMemberSchema,
    defaultValues: { email: "", role: "engineer" },
    action,
    onSuccess: (m) => {
      toast.success(`${m.email} added as ${m.role}`);
      setOpen(false);
      form.reset();
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  const role = form.watch("role");
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Add a member"
      description="The person needs a Rhei account already; add them by its email."
      trigger={
        <Button>
          <UserPlus className="size-4" aria-hidden /> Add member
        </Button>
      }
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        {errors.root?.message && <Alert tone="error">{errors.root.message}</Alert>}
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
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" pending={isSubmitting}>
            Add member
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
