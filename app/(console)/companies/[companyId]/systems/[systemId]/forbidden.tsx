import { AccessDenied } from "@/components/ui/access-denied";
import { forbiddenMessage } from "@/lib/pages/forbidden-message";

// Next's 403 page below a system (a page called forbidden()), inside the system's header and tabs.
export default async function SystemForbidden() {
  return <AccessDenied message={await forbiddenMessage()} />;
}
