"use client";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/run-action";
import { plural } from "@/lib/ui/format";

/**
 * Deleting a sensor or an observed property: its datastreams stay, without it. The confirmation says how many lose
 * the reference.
 */
export function DeleteDetaching({
  what,
  name,
  detached,
  afterHref,
  remove,
}: {
  /** "sensor" or "observed property". */
  what: string;
  name: string;
  detached: number;
  afterHref: string;
  remove: () => Promise<ActionResult<{ name: string; detachedDatastreams: number }>>;
}) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title={`Delete ${name}?`}
      confirmLabel={`Delete ${what}`}
      trigger={<Button variant="danger">Delete {what}</Button>}
      onConfirm={async () => {
        const result = await remove();
        if (!result.ok) {
          toast.error(result.error);
          return false;
        }
        toast.success(`${result.data.name} deleted`);
        router.push(afterHref);
      }}
    >
      <p>
        This removes the {what} {name}.
      </p>
      <p>
        {detached === 0
          ? "No datastream uses it."
          : detached === 1
            ? `1 datastream uses it: it stays, without this ${what}, and keeps its type, unit and records.`
            : `${plural(detached, "datastream")} use it: they stay, without this ${what}, and keep their types, units and records.`}
      </p>
    </ConfirmDialog>
  );
}
