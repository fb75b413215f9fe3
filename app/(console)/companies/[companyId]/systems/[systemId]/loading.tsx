import { Card } from "@/components/ui/card";

// Shown under the system's header and tabs while a tab's page loads.
export default function SystemTabLoading() {
  return (
    <Card className="p-5" aria-busy="true" aria-label="Loading">
      <div className="animate-pulse space-y-3">
        <div className="h-4 w-1/3 rounded bg-slate-200" />
        <div className="h-3 w-2/3 rounded bg-slate-100" />
        <div className="h-3 w-1/2 rounded bg-slate-100" />
      </div>
    </Card>
  );
}
