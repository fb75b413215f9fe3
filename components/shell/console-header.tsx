import Link from "next/link";
import { AlarmBell, type BellAlarm } from "@/components/alarms/alarm-bell";
import { GlobalSearch } from "@/components/search/global-search";
import type { SessionUser } from "@/lib/auth/session";
import { homePath } from "@/lib/ui/console-paths";
import { Logo } from "./logo";
import { MainNav } from "./main-nav";
import { UserMenu } from "./user-menu";

/**
 * The console's header. On a phone the navigation folds into a menu button, the search into an icon and the user menu
 * into its icon, so that everything stays reachable within the screen's width.
 */
export function ConsoleHeader({ user, alarms }: { user: SessionUser; alarms: { count: number; newest: BellAlarm[] } }) {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-3 sm:gap-6 sm:px-6">
        <Link href={homePath} aria-label="Rhei home" className="shrink-0">
          <Logo />
        </Link>
        <MainNav />
        <div className="flex flex-1 items-center justify-end gap-1 sm:gap-4">
          <GlobalSearch />
          <AlarmBell initial={alarms} />
          <UserMenu name={user.name} email={user.email} />
        </div>
      </div>
    </header>
  );
}
