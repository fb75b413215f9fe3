"use client";
import "react-grid-layout/css/styles.css";
import { GripVertical, Pencil, Save, Trash2, X } from "lucide-react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import ReactGridLayout, { type Layout, useContainerWidth, verticalCompactor } from "react-grid-layout";
import { toast } from "sonner";
import { LivePanelView, type PanelDatastream } from "@/components/live/live-panel";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import type { ActionResult } from "@/lib/actions/run-action";
import type { Panel, UpdateDashboardInput } from "@/lib/dashboards/schemas";
import type { DatastreamChoice } from "@/lib/datastreams/find-company-datastreams";
import { companyPath } from "@/lib/ui/console-paths";
import { AddPanelDialog } from "./add-panel-dialog";

const ROW_HEIGHT = 60;

/**
 * A dashboard: its panels on a 12-column grid, live. Its owner and the company's admins switch to editing to add,
 * move (by the handle), resize (by the corner) and remove panels, then save; a reload shows what was saved.
 */
export function DashboardBoard({
  companyId,
  dashboard,
  datastreams: initial,
  save,
  remove,
  find,
}: {
  companyId: string;
  dashboard: { id: string; name: string; description: string; panels: Panel[]; canChange: boolean };
  datastreams: DatastreamChoice[];
  save: (input: UpdateDashboardInput) => Promise<ActionResult<{ name: string }>>;
  remove: () => Promise<ActionResult<{ name: string }>>;
  find: (q: string) => Promise<ActionResult<DatastreamChoice[]>>;
}) {
  const router = useRouter();
  const params = useSearchParams();
  const [editing, setEditing] = useState(dashboard.canChange && params.get("edit") === "1");
  const [panels, setPanels] = useState(dashboard.panels);
  const [known, setKnown] = useState<Record<string, PanelDatastream>>(() =>
    Object.fromEntries(initial.map((d) => [d.id, d])),
  );
  const [saving, setSaving] = useState(false);
  const { width, containerRef, mounted } = useContainerWidth();
  const layout: Layout = panels.map((p) => ({ i: p.id, ...p.layout, minW: 2, minH: 2 }));
  const onLayoutChange = (next: Layout) => {
    setPanels((current) =>
      current.map((p) => {
        const l = next.find((n) => n.i === p.id);
        return l ? { ...p, layout: { x: l.x, y: l.y, w: l.w, h: l.h } } : p;
      }),
    );
  };
  const persist = async () => {
    setSaving(true);
    const result = await save({ panels });
    setSaving(false);
    if (!result.ok) {
      toast.error(result.error);
      return;
    }
    toast.success("Dashboard saved");
    setEditing(false);
    router.refresh();
  };
  const stacked = mounted && width < 640;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">{dashboard.name}</h1>
          {dashboard.description && <p className="text-sm text-slate-500">{dashboard.description}</p>}
        </div>
        {dashboard.canChange && (
          <div className="flex flex-wrap gap-2">
            {editing ? (
              <>
                <AddPanelDialog
                  find={find}
                  nextY={panels.reduce((y, p) => Math.max(y, p.layout.y + p.layout.h), 0)}
                  onAdd={(panel, chosen) => {
                    setKnown((k) => ({ ...k, ...Object.fromEntries(chosen.map((d) => [d.id, d])) }));
                    setPanels((p) => [...p, panel]);
                  }}
                />
                <Button
                  variant="secondary"
                  onClick={() => {
                    setPanels(dashboard.panels);
                    setEditing(false);
                  }}
                >
                  <X className="size-4" aria-hidden /> Discard changes
                </Button>
                <Button onClick={() => void persist()} pending={saving}>
                  <Save className="size-4" aria-hidden /> Save dashboard
                </Button>
              </>
            ) : (
              <>
                <Button variant="secondary" onClick={() => setEditing(true)}>
                  <Pencil className="size-4" aria-hidden /> Edit
                </Button>
                <ConfirmDialog
                  trigger={
                    <Button variant="ghost">
                      <Trash2 className="size-4" aria-hidden /> Delete
                    </Button>
                  }
                  title={`Delete the dashboard ${dashboard.name}?`}
                  confirmLabel="Delete dashboard"
                  onConfirm={async () => {
                    const result = await remove();
                    if (!result.ok) {
                      toast.error(result.error);
                      return false;
                    }
                    toast.success(`${result.data.name} deleted`);
                    router.push(companyPath(companyId, "dashboards"));
                  }}
                >
                  Its {panels.length} panels go for everyone in the company. The datastreams and their data stay.
                </ConfirmDialog>
              </>
            )}
          </div>
        )}
      </div>
      <div ref={containerRef}>
        {panels.length === 0 ? (
          <Card>
            <EmptyState title="No panels yet">
              {dashboard.canChange ? "Edit the dashboard and add a panel." : "Its owner has not added any panels yet."}
            </EmptyState>
          </Card>
        ) : stacked ? (
          <div className="space-y-3">
            {panels.map((p) => (
              <PanelCard key={p.id} panel={p} known={known} height={220} />
            ))}
          </div>
        ) : (
          mounted && (
            <ReactGridLayout
              width={width}
              layout={layout}
              gridConfig={{ cols: 12, rowHeight: ROW_HEIGHT, margin: [12, 12] }}
              dragConfig={{ enabled: editing, handle: ".panel-handle" }}
              resizeConfig={{ enabled: editing }}
              compactor={verticalCompactor}
              onLayoutChange={onLayoutChange}
            >
              {panels.map((p) => (
                <div key={p.id}>
                  <PanelCard
                    panel={p}
                    known={known}
                    height={p.layout.h * ROW_HEIGHT + (p.layout.h - 1) * 12 - 70}
                    editing={editing}
                    onRemove={() => setPanels((list) => list.filter((q) => q.id !== p.id))}
                  />
                </div>
              ))}
            </ReactGridLayout>
          )
        )}
      </div>
    </div>
  );
}

function PanelCard({
  panel,
  known,
  height,
  editing,
  onRemove,
}: {
  panel: Panel;
  known: Record<string, PanelDatastream>;
  height: number;
  editing?: boolean;
  onRemove?: () => void;
}) {
  return (
    <Card className="flex h-full flex-col overflow-hidden" aria-label={panel.title} data-testid="panel">
      <header className="flex items-center gap-2 border-b border-slate-100 px-3 py-2">
        {editing && <GripVertical className="panel-handle size-4 cursor-move text-slate-400" aria-label="Move panel" />}
        <h2 className="truncate text-sm font-semibold text-slate-900">{panel.title}</h2>
        {editing && onRemove && (
          <Button variant="ghost" className="ml-auto px-2 py-1" onClick={onRemove} aria-label={`Remove ${panel.title}`}>
            <X className="size-4" aria-hidden />
          </Button>
        )}
      </header>
      <div className="min-h-0 flex-1 overflow-hidden px-3 py-2">
        <LivePanelView panel={panel} datastreams={known} height={Math.max(120, height)} />
      </div>
    </Card>
  );
}
