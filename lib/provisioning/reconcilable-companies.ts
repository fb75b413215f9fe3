import "server-only";
import { db } from "../db/client";

/** Every company the reconciler must look at: those that exist, and those that left rows behind (deleted since). */
export async function reconcilableCompanies(): Promise<string[]> {
  const [companies, withRows] = await Promise.all([
    db.company.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
    db.provisioningState.findMany({ select: { companyId: true }, distinct: ["companyId"] }),
  ]);
  return [...new Set([...companies.map((c) => c.id), ...withRows.map((r) => r.companyId)])];
}
