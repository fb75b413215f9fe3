"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";

/** What saving a stream app (of any kind) answers: where the app's page is, and what to warn about. */
export type SavedApp = { id: string; href: string; warnings: string[] };

/** After a save: say what happened (a new app starts stopped; an edit is a new version), warn, go to the app's page. */
export function useAppSaved(mode: "create" | "edit", kind: "Stream app" | "Join app") {
  const router = useRouter();
  return (saved: SavedApp) => {
    toast.success(mode === "create" ? `${kind} created (stopped): deploy it to start` : "Saved as a new version");
    for (const w of saved.warnings) toast.warning(w);
    router.push(saved.href);
    router.refresh();
  };
}
