"use client";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DottedName } from "@/components/ui/dotted-name";
import type { ActionResult } from "@/lib/actions/run-action";
import { plural } from "@/lib/ui/format";

export interface DatastreamDeletionImpact {
  fullName: string;
  schemaVersions: number;
  rejectedRecords: number;
}

/** Deleting a datastream: the confirmation names its schema versions, and what becomes of its rejected records. */
export function DeleteDatastream({
  name,
  impact,
  afterHref,
  remove,
}: {
  name: string;
  impact: DatastreamDeletionImpact;
  afterHref: string;
  remove: () => Promise<ActionResult<{ fullName: string }>>;
}) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title={`Delete ${name}?`}
      confirmLabel="Delete datastream"
      typeToConfirm={name}
      trigger={<Button variant="danger">Delete datastream</Button>}
      onConfirm={async () => {
        const result = await remove();
        if (!result.ok) {
          toast.error(result.error);
          return false;
        }
        toast.success(`${result.data.fullName} deleted`);
        router.push(afterHref);
      }}
    >
      <p>
        This removes{" "}
        <span className="font-mono break-words">
          <DottedName name={impact.fullName} />
        </span>{" "}
        and its {plural(impact.schemaVersions, "schema version")}.
        {impact.rejectedRecords > 0 &&
          ` Its ${plural(impact.rejectedRecords, "rejected-record sample")} stay with the system, no longer linked to it.`}
      </p>
      <p>
        Its records already in Kafka stay until the system's retention removes them; clients can no longer check new
        ones against its type.
      </p>
    </ConfirmDialog>
  );
}
