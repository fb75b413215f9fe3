import Link from "next/link";
import { GlobalSearch } from "@/components/search/global-search";
import type { SessionUser } from "@/lib/auth/session";
import { Logo } from "./logo";
import { NavLink } from "./nav-link";
import { UserMenu } from "./user-menu";

export function ConsoleHeader({ user }: { user: SessionUser }) {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4 sm:gap-6 sm:px-6">
        <Link href="/" aria-label="Rhei home">
          <Logo />
        </Link>
        <nav className="flex flex-1 items-center gap-1" aria-label="Main">
          <NavLink href="/" exact>
            Companies
          </NavLink>
          <NavLink href="/api-docs">API docs</NavLink>
          <NavLink href="/status">Status</NavLink>
        </nav>
        <GlobalSearch />
        <UserMenu name={user.name} email={user.email} />
      </div>
    </header>
  );
}
