"use client";
import { MailQuestion } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/run-action";
import { formatDateTime } from "@/lib/ui/format";

export interface InvitationRow {
  id: string;
  email: string;
  role: string;
  createdAt: Date;
}

/** A company's open invitations: who was invited with which role, and (for admins) withdrawing one. */
export function InvitationsList({
  invitations,
  cancel,
}: {
  invitations: InvitationRow[];
  cancel?: (invitationId: string) => Promise<ActionResult<{ email: string }>>;
}) {
  const router = useRouter();
  if (invitations.length === 0) return null;
  return (
    <section aria-labelledby="invitations-heading" className="mt-8 space-y-2">
      <h3 id="invitations-heading" className="flex items-center gap-2 text-sm font-semibold text-slate-900">
        <MailQuestion className="size-4" aria-hidden /> Invited, not joined yet ({invitations.length})
      </h3>
      <ul className="divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200" aria-label="Invitations">
        {invitations.map((i) => (
          <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm">
            <span>
              <span className="font-medium text-slate-900">{i.email}</span>{" "}
              <span className="text-slate-600">
                as {i.role}, invited {formatDateTime(i.createdAt)}
              </span>
            </span>
            {cancel && (
              <ConfirmDialog
                trigger={<Button variant="ghost">Withdraw</Button>}
                title={`Withdraw the invitation of ${i.email}?`}
                confirmLabel="Withdraw"
                onConfirm={async () => {
                  const result = await cancel(i.id);
                  if (!result.ok) {
                    toast.error(result.error);
                    return false;
                  }
                  toast.success(`Invitation of ${result.data.email} withdrawn`);
                  router.refresh();
                }}
              >
                They can no longer join with it; invite them again at any time.
              </ConfirmDialog>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
