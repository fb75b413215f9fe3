"use client";
import { MailOpen } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ActionResult } from "@/lib/actions/run-action";

export interface MyInvitation {
  id: string;
  role: string;
  company: { id: string; name: string; description: string };
}

type Answer = (
  invitationId: string,
  accept: boolean,
) => Promise<ActionResult<{ companyId: string; company: string; role: string; joined: boolean }>>;

/** Invitations waiting for the signed-in user: joining takes their consent. */
export function MyInvitations({ invitations, answer }: { invitations: MyInvitation[]; answer: Answer }) {
  const router = useRouter();
  const [pending, setPending] = useState<string | undefined>();
  if (invitations.length === 0) return null;
  const reply = async (id: string, accept: boolean) => {
    setPending(id);
    const result = await answer(id, accept);
    setPending(undefined);
    if (!result.ok) {
      toast.error(result.error);
      return;
    }
    if (result.data.joined) {
      toast.success(`You joined ${result.data.company} as ${result.data.role}`);
      router.push(`/companies/${result.data.companyId}`);
    } else {
      toast.success(`Invitation to ${result.data.company} declined`);
      router.refresh();
    }
  };
  return (
    <Card className="p-4">
      <h2 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
        <MailOpen className="size-4" aria-hidden /> Invitations for you
      </h2>
      <ul className="mt-2 divide-y divide-slate-100" aria-label="Invitations for you">
        {invitations.map((i) => (
          <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <span>
              <span className="font-mono font-semibold">{i.company.name}</span> invites you as{" "}
              <span className="font-medium">{i.role}</span>
              {i.company.description && <span className="block text-slate-500">{i.company.description}</span>}
            </span>
            <span className="flex gap-2">
              <Button variant="ghost" disabled={pending === i.id} onClick={() => void reply(i.id, false)}>
                Decline
              </Button>
              <Button pending={pending === i.id} onClick={() => void reply(i.id, true)}>
                Join {i.company.name}
              </Button>
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
