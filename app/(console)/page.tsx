import { Building2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CreateCompanyDialog } from "@/components/companies/create-company-dialog";
import { MyInvitations } from "@/components/members/my-invitations";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { userActor } from "@/lib/authz/actor";
import { listMyCompanies } from "@/lib/companies/list-my-companies";
import { listMyInvitations } from "@/lib/members/my-invitations";
import { companyName } from "@/lib/names";
import { requirePageUser } from "@/lib/pages/session";
import { companyPath } from "@/lib/ui/console-paths";
import { plural } from "@/lib/ui/format";
import { answerInvitationAction, createCompanyAction } from "./actions";

export const metadata: Metadata = { title: "Companies" };

export default async function HomePage() {
  const user = await requirePageUser("/");
  const [companies, invitations] = await Promise.all([
    listMyCompanies({ userId: user.id }),
    listMyInvitations({ actor: userActor(user) }),
  ]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Your companies</h1>
          <p className="mt-1 text-sm text-slate-500">
            Each company is a tenant with its own systems, clients and data.
          </p>
        </div>
        {companies.length > 0 && <CreateCompanyDialog action={createCompanyAction} />}
      </div>
      <MyInvitations invitations={invitations} answer={answerInvitationAction} />
      {companies.length === 0 ? (
        <Card>
          <EmptyState
            icon={<Building2 className="size-10" aria-hidden />}
            title="You are not in any company yet"
            action={<CreateCompanyDialog action={createCompanyAction} primary />}
          >
            Create one to register systems and client applications, or ask an admin of an existing company to invite
            your email, {user.email}; the invitation then shows here.
          </EmptyState>
        </Card>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Companies">
          {companies.map((c) => (
            <li key={c.id}>
              <Link href={companyPath(c.id)} className="block h-full">
                <Card className="h-full p-5 transition hover:ring-brand-500">
                  <div className="flex items-start justify-between gap-2">
                    <h2 className="font-mono text-base font-semibold break-all">{companyName(c)}</h2>
                    <Badge tone={c.role === "admin" ? "blue" : "neutral"}>{c.role}</Badge>
                  </div>
                  {c.description && <p className="mt-2 line-clamp-2 text-sm text-slate-600">{c.description}</p>}
                  <p className="mt-3 text-xs text-slate-500">
                    {plural(c._count.systems, "system")} · {plural(c._count.memberships, "member")}
                  </p>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
