"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/actions/run-action";

export interface DeletionImpact {
  name: string;
  topics: string[];
  clients: number;
  things: number;
  sensors: number;
  datastreams: number;
  observedProperties: number;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Deleting a system: refused while it has clients (with a link to them), otherwise confirmed by typing its name
 * after a list of everything that goes with it.
 */
export function DeleteSystem({
  impact,
  clientsHref,
  afterHref,
  remove,
}: {
  impact: DeletionImpact;
  clientsHref: string;
  afterHref: string;
  remove: () => Promise<ActionResult<{ name: string }>>;
}) {
  const router = useRouter();
  const [refusedOpen, setRefusedOpen] = useState(false);
  const trigger = <Button variant="danger">Delete system</Button>;
  if (impact.clients > 0) {
    return (
      <Dialog
        open={refusedOpen}
        onOpenChange={setRefusedOpen}
        trigger={trigger}
        title={`${impact.name} cannot be deleted yet`}
      >
        <Alert tone="warning">
          It still has {count(impact.clients, "client application")}, each with a Kafka credential on these topics.
          Delete {impact.clients === 1 ? "it" : "them"} first.
        </Alert>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setRefusedOpen(false)}>
            Close
          </Button>
          <Button asChild>
            <Link href={clientsHref}>Go to its clients</Link>
          </Button>
        </div>
      </Dialog>
    );
  }
  return (
    <ConfirmDialog
      title={`Delete ${impact.name}?`}
      confirmLabel="Delete system"
      typeToConfirm={impact.name}
      trigger={trigger}
      onConfirm={async () => {
        const result = await remove();
        if (!result.ok) {
          toast.error(result.error);
          return false;
        }
        toast.success(`${result.data.name} deleted; its topics are being removed`);
        router.push(afterHref);
      }}
    >
      <p>This cannot be undone. With the system go:</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          its Kafka topics and every record in them:
          <ul className="mt-1 font-mono text-xs break-all text-slate-800">
            {impact.topics.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </li>
        <li>
          {count(impact.things, "thing")}, {count(impact.sensors, "sensor")}, {count(impact.datastreams, "datastream")}
          {impact.observedProperties > 0 &&
            ` and ${count(impact.observedProperties, "observed property", "observed properties")}`}
        </li>
      </ul>
    </ConfirmDialog>
  );
}
