import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { AppState } from "@/lib/stream-apps/schemas";

const tones: Record<AppState, BadgeTone> = {
  running: "green",
  lagging: "amber",
  waiting: "amber",
  starting: "blue",
  failing: "red",
  stopped: "neutral",
};

/** An app's state as a badge; the reason (why it waits, fails or stopped) goes in its title and beside it. */
export function AppStateBadge({ state, reason }: { state: AppState; reason?: string }) {
  return (
    <Badge tone={tones[state]} title={reason || undefined} data-state={state}>
      {state}
    </Badge>
  );
}
