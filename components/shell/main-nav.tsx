"use client";
import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { NavLink } from "./nav-link";

const links = [
  { href: "/", label: "Companies", exact: true },
  { href: "/api-docs", label: "API docs" },
  { href: "/status", label: "Status" },
] as const;

/** The main navigation: inline from the sm breakpoint on, behind a menu button on a phone. */
export function MainNav() {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // A followed link closes the menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on every new path
  useEffect(() => setOpen(false), [pathname]);
  const items = links.map((l) => (
    <NavLink key={l.href} href={l.href} exact={"exact" in l && l.exact}>
      {l.label}
    </NavLink>
  ));
  return (
    <>
      <button
        type="button"
        className="order-first rounded-md p-2 text-slate-600 hover:bg-slate-100 sm:hidden"
        aria-label={open ? "Close the menu" : "Open the menu"}
        aria-expanded={open}
        aria-controls="main-nav-panel"
        onClick={() => setOpen((o) => !o)}
      >
        {open ? <X className="size-5" aria-hidden /> : <Menu className="size-5" aria-hidden />}
      </button>
      <nav className="hidden items-center gap-1 sm:flex" aria-label="Main">
        {items}
      </nav>
      {open && (
        <nav
          id="main-nav-panel"
          aria-label="Main"
          className="absolute inset-x-0 top-14 flex flex-col gap-1 border-b border-slate-200 bg-white p-3 shadow-sm sm:hidden"
        >
          {items}
        </nav>
      )}
    </>
  );
}
