import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { GrantState } from "@/lib/grants/schemas";

const tones: Record<GrantState, BadgeTone> = {
  offered: "blue",
  accepted: "green",
  declined: "neutral",
  revoked: "red",
  expired: "amber",
};

export function GrantStateBadge({ state }: { state: GrantState }) {
  return (
    <Badge tone={tones[state]} data-state={state}>
      {state}
    </Badge>
  );
}
