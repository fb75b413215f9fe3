"use client";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DottedName } from "@/components/ui/dotted-name";
import type { ActionResult } from "@/lib/actions/run-action";
import { plural } from "@/lib/ui/format";

export interface ThingDeletionImpact {
  name: string;
  datastreams: { count: number; names: string[]; more: number };
}

/** Deleting a thing takes its datastreams: the confirmation names them and asks for the thing's name. */
export function DeleteThing({
  thingName,
  impact,
  afterHref,
  remove,
}: {
  thingName: string;
  impact: ThingDeletionImpact;
  afterHref: string;
  remove: () => Promise<ActionResult<{ name: string; deletedDatastreams: string[] }>>;
}) {
  const router = useRouter();
  const { count, names, more } = impact.datastreams;
  return (
    <ConfirmDialog
      title={`Delete ${thingName}?`}
      confirmLabel="Delete thing"
      typeToConfirm={count > 0 ? thingName : undefined}
      trigger={<Button variant="danger">Delete thing</Button>}
      onConfirm={async () => {
        const result = await remove();
        if (!result.ok) {
          toast.error(result.error);
          return false;
        }
        toast.success(
          `${result.data.name} deleted with ${plural(result.data.deletedDatastreams.length, "datastream")}`,
        );
        router.push(afterHref);
      }}
    >
      <p>
        This removes the thing{" "}
        <span className="font-mono break-words">
          <DottedName name={impact.name} />
        </span>
        {count === 0 ? "; it has no datastreams." : ` and its ${plural(count, "datastream")}:`}
      </p>
      {count > 0 && (
        <ul className="list-disc space-y-0.5 pl-5 font-mono text-xs break-words text-slate-800">
          {names.map((n) => (
            <li key={n}>
              <DottedName name={n} />
            </li>
          ))}
          {more > 0 && <li className="font-sans text-slate-600">and {more} more</li>}
        </ul>
      )}
      {count > 0 && (
        <p>Their schema versions go too. Records already in Kafka stay until the system's retention removes them.</p>
      )}
    </ConfirmDialog>
  );
}
