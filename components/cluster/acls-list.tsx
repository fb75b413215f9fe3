import { KeyRound } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { AclBinding } from "@/lib/kafka/acl-binding";

/** ACLs per principal: the company's clients, and anyone else allowed on the company's topics and groups. */
export function AclsList({ acls }: { acls: { principal: string; bindings: AclBinding[] }[] }) {
  return (
    <Card aria-labelledby="acls-heading">
      <CardHeader
        title={<span id="acls-heading">ACLs</span>}
        description="Per principal. Rhei gives each client exactly these; anything else on a client's principal is drift and is removed."
      />
      {acls.length === 0 ? (
        <EmptyState icon={<KeyRound className="size-10" aria-hidden />} title="No ACLs">
          Register a client application on a system; its principal gets write on .int and .log, read on .int and .ext,
          and its own consumer group.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {acls.map(({ principal, bindings }) => (
            <li key={principal} className="px-5 py-3" data-principal={principal}>
              <p className="font-mono text-xs font-semibold break-all">{principal}</p>
              <ul className="mt-1.5 flex flex-wrap gap-1.5">
                {bindings.map((b) => (
                  <li
                    key={`${b.resourceType}:${b.patternType}:${b.resourceName}:${b.operation}:${b.permission}:${b.host}`}
                  >
                    <Badge
                      tone={b.permission === "deny" ? "red" : "neutral"}
                      className="max-w-full font-mono break-all whitespace-normal"
                    >
                      {b.permission === "deny" ? "DENY " : ""}
                      {b.operation.toUpperCase()} {b.resourceType} {b.resourceName}
                      {b.patternType === "prefixed" ? "*" : ""}
                      {b.host !== "*" ? ` from ${b.host}` : ""}
                    </Badge>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
