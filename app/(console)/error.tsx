"use client";
import { AlertTriangle } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

type Services = "checking" | "up" | "down";

// The error boundary of the console's pages: the server's message is hidden in production, its digest is not. It
// blames a service only when the health check says one is down; otherwise the fault is Rhei's own, and says so.
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [services, setServices] = useState<Services>("checking");
  useEffect(() => {
    let live = true;
    fetch("/api/health", { cache: "no-store" })
      .then((r) => live && setServices(r.ok ? "up" : "down"))
      .catch(() => live && setServices("down"));
    return () => {
      live = false;
    };
  }, []);
  return (
    <Card>
      <EmptyState
        icon={<AlertTriangle className="size-10 text-amber-500" aria-hidden />}
        title="This page could not be loaded"
        action={<Button onClick={reset}>Try again</Button>}
      >
        {services === "down" ? (
          <>
            A service it needs is down (see the{" "}
            <a className="text-brand-600 underline" href="/status">
              status page
            </a>
            ).
          </>
        ) : services === "up" ? (
          <>An error in Rhei stopped this page; it is logged on the server. Quote the reference when you report it.</>
        ) : (
          <>Checking whether a service is down…</>
        )}
        {error.digest && <span className="mt-2 block font-mono text-xs">Reference {error.digest}</span>}
      </EmptyState>
    </Card>
  );
}
