"use client";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/run-action";

/** Nudges the reconciler; the page shows the outcome a moment later (the pass runs in the background). */
export function ReconcileNowButton({ action }: { action: () => Promise<ActionResult<{ requested: boolean }>> }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      pending={pending}
      onClick={async () => {
        setPending(true);
        const result = await action();
        if (!result.ok) {
          setPending(false);
          toast.error(result.error);
          return;
        }
        toast.success("Reconciliation requested; statuses update in a moment");
        setTimeout(() => {
          router.refresh();
          setPending(false);
        }, 1500);
      }}
    >
      {!pending && <RefreshCw className="size-4" aria-hidden />}
      Reconcile now
    </Button>
  );
}
