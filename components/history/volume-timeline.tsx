"use client";
import { useRef, useState } from "react";
import type { VolumeTimeline } from "@/lib/history/schemas";

/**
 * Records per bucket over the range as bars. A click seeks the table to that bucket; dragging across bars narrows
 * the range to them.
 */
export function VolumeTimelineView({
  volume,
  onSeek,
  onRange,
}: {
  volume: VolumeTimeline;
  onSeek: (at: string) => void;
  onRange: (from: string, to: string) => void;
}) {
  const max = Math.max(1, ...volume.buckets.map((b) => b.records));
  const n = volume.buckets.length;
  // The drag lives in a ref (pointer events may come faster than React renders), the state only draws it.
  const [drag, setDragState] = useState<{ a: number; b: number } | undefined>();
  const dragRef = useRef<{ a: number; b: number } | undefined>(undefined);
  const setDrag = (next: { a: number; b: number } | undefined) => {
    dragRef.current = next;
    setDragState(next);
  };
  const ref = useRef<SVGSVGElement>(null);
  const indexAt = (clientX: number) => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return 0;
    return Math.min(n - 1, Math.max(0, Math.floor(((clientX - box.left) / box.width) * n)));
  };
  const end = () => {
    const done = dragRef.current;
    setDrag(undefined);
    if (!done) return;
    const [a, b] = [Math.min(done.a, done.b), Math.max(done.a, done.b)];
    const first = volume.buckets[a];
    const last = volume.buckets[b];
    if (!first || !last) return;
    if (a === b) onSeek(first.start);
    else onRange(first.start, last.end);
  };
  return (
    <figure className="space-y-1" aria-label="Records over the range">
      <svg
        ref={ref}
        viewBox={`0 0 ${n} 40`}
        preserveAspectRatio="none"
        className="h-16 w-full cursor-crosshair touch-none rounded bg-slate-50 select-none"
        role="img"
        aria-label={`${volume.total.toLocaleString()} records in ${n} buckets; click to go there, drag to narrow the range`}
        data-testid="volume-timeline"
        onPointerDown={(e) => {
          e.preventDefault();
          const i = indexAt(e.clientX);
          setDrag({ a: i, b: i });
          (e.target as Element).setPointerCapture?.(e.pointerId);
        }}
        onPointerMove={(e) => dragRef.current && setDrag({ ...dragRef.current, b: indexAt(e.clientX) })}
        onPointerUp={end}
      >
        {drag && (
          <rect x={Math.min(drag.a, drag.b)} width={Math.abs(drag.b - drag.a) + 1} y={0} height={40} fill="#bfdbfe" />
        )}
        {volume.buckets.map((b, i) => {
          const h = (b.records / max) * 38;
          return (
            <rect key={b.start} x={i + 0.1} width={0.8} y={40 - h} height={h} fill="#2563eb">
              <title>{`${b.records.toLocaleString()} records from ${new Date(b.start).toLocaleString()}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="flex justify-between text-xs text-slate-500">
        <span>{new Date(volume.range.from).toLocaleString()}</span>
        <span>{volume.total.toLocaleString()} records</span>
        <span>{new Date(volume.range.to).toLocaleString()}</span>
      </figcaption>
    </figure>
  );
}
