import Link from "next/link";
import { Logo } from "@/components/shell/logo";

// Next's 404 page. An object that was deleted and one of a company the user is not in get the same answer, so that
// other tenants' objects never reveal that they exist; the wording is true in both cases.
export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 px-4 text-center">
      <Logo />
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="max-w-md text-sm text-slate-500">
        This page does not exist (any more): what it showed may have been deleted, or you have no access to it.
      </p>
      <Link href="/" className="text-sm font-medium text-brand-600 hover:underline">
        Back to your companies
      </Link>
    </main>
  );
}
