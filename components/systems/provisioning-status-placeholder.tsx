import { CircleDashed } from "lucide-react";

/**
 * PLACEHOLDER for `<ProvisioningStatus systemId=… />` / `clientId=…` from components/provisioning/provisioning-status.tsx,
 * which the provisioning work builds. Same props: swap the imports (system overview page and client page) for the real
 * component and delete this file.
 */
export function ProvisioningStatus({ systemId, clientId }: { systemId?: string; clientId?: string }) {
  return (
    <p
      className="flex items-center gap-2 text-sm text-slate-500"
      data-placeholder="provisioning-status"
      data-system-id={systemId}
      data-client-id={clientId}
    >
      <CircleDashed className="size-4" aria-hidden />
      Kafka provisioning status is not reported yet.
    </p>
  );
}
