"use client";
import { type LinkTab, LinkTabs } from "@/components/ui/link-tabs";

/** Tabs of a company's pages; the systems tab is current on the list and on every system's pages. */
export function CompanyTabs({ tabs }: { tabs: LinkTab[] }) {
  return <LinkTabs label="Company" tabs={tabs} />;
}
