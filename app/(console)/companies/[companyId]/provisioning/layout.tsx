import type { ReactNode } from "react";
import { requireCompanyRight } from "@/lib/pages/load-company-page";

// The right is checked here, above the loading UI, so that a role without it gets a real 403 before anything streams.
export default async function ProvisioningLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ companyId: string }>;
}) {
  await requireCompanyRight((await params).companyId, "cluster.read");
  return children;
}
