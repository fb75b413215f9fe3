import { ShieldAlert } from "lucide-react";
import { Card } from "./card";
import { EmptyState } from "./empty-state";

export function AccessDenied({ message }: { message: string }) {
  return (
    <Card>
      <EmptyState icon={<ShieldAlert className="size-10" aria-hidden />} title="You cannot open this page">
        {message}. Ask an admin of the company if you need it.
      </EmptyState>
    </Card>
  );
}
