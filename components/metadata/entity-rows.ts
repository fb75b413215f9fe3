import type { Page } from "@/lib/pagination";
import type { EntityRow } from "./entity-table";

interface ListedEntity {
  id: string;
  name: string;
  updatedAt: Date;
  _count: { datastreams: number };
}

/** Only the columns an EntityTable shows travel to the browser: the common ones and the kind's own (`own`). */
export function entityRows<E extends ListedEntity, O extends object>(
  page: Page<E>,
  own: (entity: E) => O,
): Page<EntityRow & O> {
  return {
    ...page,
    items: page.items.map((e) => ({
      id: e.id,
      name: e.name,
      ...own(e),
      datastreamCount: e._count.datastreams,
      updatedAt: e.updatedAt,
    })),
  };
}
