import Link from "next/link";
import { Logo } from "@/components/shell/logo";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 px-4 text-center">
      <Logo />
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="max-w-md text-sm text-slate-500">
        There is nothing here, or it belongs to a company you are not in.
      </p>
      <Link href="/" className="text-sm font-medium text-brand-600 hover:underline">
        Back to your companies
      </Link>
    </main>
  );
}
