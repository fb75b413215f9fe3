"use client";
import { type LinkTab, LinkTabs } from "@/components/ui/link-tabs";

export type CompanyTab = LinkTab;

/** Tabs of a company's pages; the first (systems) is active for everything below it that no other tab claims. */
export function CompanyTabs({ tabs }: { tabs: CompanyTab[] }) {
  return <LinkTabs label="Company" tabs={tabs} />;
}
