// Read-your-writes for a cluster that is only eventually consistent: in KRaft the controller acknowledges a change
// before every broker's metadata image shows it, and describe requests (ACLs, SCRAM users, configs) read a
// broker's image. A pass waits until its own changes are visible, so the next pass does not take the lag for
// missing resources (and write them again, or call them drift).
import { aclKey } from "../kafka/acl-binding";
import type { KafkaAction, ObservedCluster } from "./types";

export function actionVisible(action: KafkaAction, observed: ObservedCluster): boolean {
  switch (action.kind) {
    case "create-topic":
      return observed.topics.has(action.topic);
    case "delete-topic":
      return !observed.topics.has(action.topic);
    case "create-partitions":
      return (observed.topics.get(action.topic)?.partitions ?? 0) >= action.count;
    case "alter-topic-configs": {
      const configs = observed.topics.get(action.topic)?.configs ?? {};
      return Object.entries(action.set).every(([name, value]) => configs[name] === value);
    }
    case "create-acls":
    case "delete-acls": {
      const wanted = action.kind === "create-acls";
      return action.bindings.every((b) => {
        const present = (observed.aclsByPrincipal.get(b.principal) ?? []).some((o) => aclKey(o) === aclKey(b));
        return present === wanted;
      });
    }
    case "set-credential":
    case "set-app-credential":
      return observed.scramUsers.has(action.username);
    case "delete-credential":
      return !observed.scramUsers.has(action.username);
  }
}

/** What to observe again to check `actions`: their topics and usernames. */
export function subjectsOf(actions: KafkaAction[]): { topics: string[]; usernames: string[] } {
  const topics = new Set<string>();
  const usernames = new Set<string>();
  for (const a of actions) {
    if ("topic" in a) topics.add(a.topic);
    else if ("username" in a) usernames.add(a.username);
    else for (const b of a.bindings) usernames.add(b.principal.replace(/^User:/, ""));
  }
  return { topics: [...topics], usernames: [...usernames] };
}
