"use client";
import { useListParams } from "@/components/data-table/use-list-params";
import { NativeSelect } from "@/components/ui/input";
import { observationTypes } from "./observation-types";

/** The datastream list's filters by thing and observation type, kept in the URL like its page and sort. */
export function DatastreamFilters({
  things,
  thingId,
  observationType,
}: {
  /** Absent where the list is one thing's already. */
  things?: { id: string; name: string }[];
  thingId?: string;
  observationType?: string;
}) {
  const { update } = useListParams();
  return (
    <>
      {things && (
        <NativeSelect
          aria-label="Filter by thing"
          className="h-9 w-44"
          value={thingId ?? ""}
          onChange={(e) => update({ thingId: e.target.value || undefined })}
        >
          <option value="">All things</option>
          {things.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </NativeSelect>
      )}
      <NativeSelect
        aria-label="Filter by type"
        className="h-9 w-44"
        value={observationType ?? ""}
        onChange={(e) => update({ observationType: e.target.value || undefined })}
      >
        <option value="">All types</option>
        {observationTypes.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </NativeSelect>
    </>
  );
}
