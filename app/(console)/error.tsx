"use client";
import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

// The error boundary of the console's pages: the server's message is hidden in production, its digest is not.
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card>
      <EmptyState
        icon={<AlertTriangle className="size-10 text-amber-500" aria-hidden />}
        title="This page could not be loaded"
        action={<Button onClick={reset}>Try again</Button>}
      >
        A service it needs may be down (see the{" "}
        <a className="text-brand-600 underline" href="/status">
          status page
        </a>
        ).
        {error.digest && <span className="mt-2 block font-mono text-xs">Reference {error.digest}</span>}
      </EmptyState>
    </Card>
  );
}
