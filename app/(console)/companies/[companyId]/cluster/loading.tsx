import { PageHeader } from "@/components/ui/page-header";

export default function Loading() {
  return (
    <div aria-busy="true">
      <PageHeader title="Cluster" description="Asking Kafka about this company's topics, consumer groups and ACLs…" />
      <div className="space-y-4">
        <div className="h-24 animate-pulse rounded-lg bg-slate-100" />
        <div className="h-64 animate-pulse rounded-lg bg-slate-100" />
      </div>
    </div>
  );
}
