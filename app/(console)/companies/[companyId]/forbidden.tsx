import { AccessDenied } from "@/components/ui/access-denied";
import { forbiddenMessage } from "@/lib/pages/forbidden-message";

// Next's 403 page below a company (a page called forbidden()), inside the company's header and tabs.
export default async function CompanyForbidden() {
  return <AccessDenied message={await forbiddenMessage()} />;
}
