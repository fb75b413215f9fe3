import { PageHeader } from "@/components/ui/page-header";

export default function Loading() {
  return (
    <div aria-busy="true">
      <PageHeader title="Provisioning" description="Loading where each Kafka resource stands…" />
      <div className="h-64 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
