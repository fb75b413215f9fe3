"use client";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import { PAGE_SIZES, type Page } from "@/lib/pagination";
import { useListParams } from "./use-list-params";

/** "1–25 of 312", rows per page and previous/next, for server-paginated lists whose page lives in the URL. */
export function Pager({ page, sizes = PAGE_SIZES }: { page: Omit<Page<unknown>, "items">; sizes?: readonly number[] }) {
  const { update } = useListParams();
  if (page.total === 0) return null;
  const first = (page.page - 1) * page.pageSize + 1;
  const last = Math.min(page.total, page.page * page.pageSize);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p aria-live="polite">
        {first}–{last} of {page.total}
      </p>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-2">
          Rows
          <NativeSelect
            className="h-8 w-20"
            value={String(page.pageSize)}
            onChange={(e) => update({ pageSize: e.target.value })}
          >
            {[...new Set([...sizes, page.pageSize])]
              .sort((a, b) => a - b)
              .map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
          </NativeSelect>
        </label>
        <Button
          variant="secondary"
          size="sm"
          disabled={page.page <= 1}
          onClick={() => update({ page: String(page.page - 1) }, false)}
          aria-label="Previous page"
        >
          <ChevronLeft className="size-4" aria-hidden />
        </Button>
        <span>
          Page {page.page} of {page.pageCount}
        </span>
        <Button
          variant="secondary"
          size="sm"
          disabled={page.page >= page.pageCount}
          onClick={() => update({ page: String(page.page + 1) }, false)}
          aria-label="Next page"
        >
          <ChevronRight className="size-4" aria-hidden />
        </Button>
      </div>
    </div>
  );
}
