"use client";
import { ChevronDown, LogOut, UserRound } from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { DropdownMenu } from "radix-ui";
import { profilePath } from "@/lib/ui/console-paths";

/** The signed-in user's menu (profile, sign out); on a phone its button is the icon alone. */
export function UserMenu({ name, email }: { name: string; email: string }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex shrink-0 items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
        aria-label={`Account menu of ${name}`}
      >
        <UserRound className="size-5 sm:size-4" aria-hidden />
        <span className="hidden max-w-40 truncate sm:inline">{name}</span>
        <ChevronDown className="hidden size-3.5 sm:block" aria-hidden />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          className="z-50 max-w-[calc(100vw-1rem)] min-w-52 rounded-md bg-white p-1 text-sm shadow-lg ring-1 ring-slate-200"
        >
          <DropdownMenu.Label className="px-2 pt-1.5 text-sm font-medium text-slate-800 sm:hidden">
            {name}
          </DropdownMenu.Label>
          <DropdownMenu.Label className="truncate px-2 py-1.5 text-xs text-slate-500">{email}</DropdownMenu.Label>
          <DropdownMenu.Item
            asChild
            className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 outline-none data-highlighted:bg-slate-100"
          >
            <Link href={profilePath}>
              <UserRound className="size-4" aria-hidden /> Profile and API tokens
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
          <DropdownMenu.Item
            className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 outline-none data-highlighted:bg-slate-100"
            onSelect={() => void signOut({ callbackUrl: "/sign-in" })}
          >
            <LogOut className="size-4" aria-hidden /> Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
