import type { Metadata } from "next";
import Link from "next/link";
import { ConsoleHeader } from "@/components/shell/console-header";
import { Logo } from "@/components/shell/logo";
import { ServiceStatusList } from "@/components/status/service-status-list";
import { unacknowledgedAlarms } from "@/lib/alarms/list-alarms";
import { getSessionUser } from "@/lib/auth/session";
import { checkHealth } from "@/lib/health/check-health";
import { publicHealth } from "@/lib/health/public-health";

export const metadata: Metadata = { title: "Status" };
export const dynamic = "force-dynamic";

// Reachable without signing in, and rendered even when PostgreSQL is down (then no user can be looked up).
export default async function StatusPage() {
  const [health, user] = await Promise.all([checkHealth(), getSessionUser().catch(() => null)]);
  const alarms = user
    ? await unacknowledgedAlarms({ userId: user.id }).catch(() => ({ count: 0, newest: [] }))
    : { count: 0, newest: [] };
  return (
    <>
      {user ? (
        <ConsoleHeader user={user} alarms={alarms} />
      ) : (
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex h-14 max-w-7xl items-center justify-between px-4 sm:px-6">
            <Link href="/">
              <Logo />
            </Link>
            <Link href="/sign-in" className="text-sm font-medium text-brand-600 hover:underline">
              Sign in
            </Link>
          </div>
        </header>
      )}
      <main className="mx-auto max-w-7xl space-y-6 px-4 py-8 sm:px-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Status</h1>
          <p className="mt-1 text-sm text-slate-500">
            {health.ok
              ? "All services are up."
              : "Some services are down: pages that need them show an error, the rest keep working."}
            {!user && " Sign in to see the reasons."}
          </p>
        </div>
        <ServiceStatusList initial={publicHealth(health, user !== null)} />
      </main>
    </>
  );
}
