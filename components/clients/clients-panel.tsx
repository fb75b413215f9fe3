"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import type { ListProps } from "@/components/data-table/data-table";
import { Section } from "@/components/metadata/section";
import type { ActionResult } from "@/lib/actions/run-action";
import type { RegisterClientInput } from "@/lib/clients/schemas";
import type { IssuedSecret, SdkConnection } from "@/lib/clients/sdk-config";
import { rowPath } from "@/lib/ui/console-paths";
import { type ClientRow, ClientsTable } from "./clients-table";
import { RegisterClientDialog } from "./register-client-dialog";
import { SecretDialog } from "./secret-dialog";

/**
 * The system's clients with registration. The secret dialog lives here, above both register buttons (header and
 * empty state), so it survives the list re-rendering with the new client.
 */
export function ClientsPanel({
  systemName,
  clientsHref,
  connection,
  register,
  ...list
}: ListProps<ClientRow> & {
  systemName: string;
  clientsHref: string;
  connection: SdkConnection;
  /** Absent for roles that may not register clients. */
  register?: (input: RegisterClientInput) => Promise<ActionResult<IssuedSecret>>;
}) {
  const router = useRouter();
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  const button = register && (
    <RegisterClientDialog
      systemName={systemName}
      action={register}
      onRegistered={(i) => {
        toast.success(`Client ${i.client.name} registered; its Kafka credential is being provisioned`);
        setIssued(i);
      }}
    />
  );
  return (
    <Section
      title="Client applications"
      description="Each has a Kafka user and consumer group named after it, and may use only this system's topics."
      action={(list.page.total > 0 || list.q) && button}
    >
      <ClientsTable clientsHref={clientsHref} emptyAction={button} {...list} />
      <SecretDialog
        issued={issued}
        systemName={systemName}
        connection={connection}
        clientHref={issued ? rowPath(clientsHref, issued.client.id) : undefined}
        onClose={() => {
          setIssued(null);
          router.refresh();
        }}
      />
    </Section>
  );
}
