import { headers } from "next/headers";
import { type ReactNode, Suspense } from "react";
import { ConsoleHeader } from "@/components/shell/console-header";
import { NavigationProgress } from "@/components/shell/navigation-progress";
import { unacknowledgedAlarms } from "@/lib/alarms/list-alarms";
import { requirePageUser } from "@/lib/pages/session";
import { safeReturnPath } from "@/lib/ui/safe-return-path";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  // server.ts stamps the request path here (overwriting any client-sent value) so sign-in can come back to it.
  const path = safeReturnPath((await headers()).get("x-rhei-path"));
  const user = await requirePageUser(path);
  const alarms = await unacknowledgedAlarms({ userId: user.id });
  return (
    <>
      {/* useSearchParams needs a Suspense boundary; the bar has no fallback to show. */}
      <Suspense>
        <NavigationProgress />
      </Suspense>
      <ConsoleHeader user={user} alarms={alarms} />
      <main className="mx-auto max-w-7xl px-3 py-6 sm:px-6 sm:py-8">{children}</main>
    </>
  );
}
