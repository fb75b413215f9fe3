import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DetailHeader } from "./detail-header";
import { type Fact, Facts } from "./facts";

/**
 * The page of a thing, sensor or observed property: back to its list, its name with edit and delete, a card of
 * its facts (and `details` under them), then `children`: the datastreams that use it.
 */
export function EntityDetail({
  kind,
  back,
  name,
  actions,
  facts,
  details,
  children,
}: {
  /** "Thing": the card's title and its facts' label. */
  kind: string;
  back: { href: string; label: string };
  name: string;
  actions?: ReactNode;
  facts: Fact[];
  details?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <DetailHeader back={back} title={name} actions={actions} />
      <Card>
        <CardHeader title={kind} />
        <CardBody className={details ? "space-y-4" : undefined}>
          <Facts label={`${kind} facts`} facts={facts} />
          {details}
        </CardBody>
      </Card>
      {children}
    </div>
  );
}
