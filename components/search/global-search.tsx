"use client";
import { Activity, AppWindow, Box, Building2, type LucideIcon, Search, Server } from "lucide-react";
import { useRouter } from "next/navigation";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import type { SearchHit, SearchKind } from "@/lib/search/schemas";
import { cn } from "@/lib/ui/cn";
import { useDebouncedValue, useSearch } from "./use-search";

const kindLabel: Record<SearchKind, string> = {
  company: "Companies",
  system: "Systems",
  client: "Clients",
  thing: "Things",
  datastream: "Datastreams",
};
const kindIcon: Record<SearchKind, LucideIcon> = {
  company: Building2,
  system: Server,
  client: AppWindow,
  thing: Box,
  datastream: Activity,
};

// "/" focuses search unless the user is typing somewhere else.
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The header's search box: type to find any company, system, client, thing or datastream you may see. `/` or
 * Ctrl-K (⌘K) focuses it; ↑ ↓ choose, Enter opens, Esc closes (a second Esc clears).
 */
export function GlobalSearch() {
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // On a phone the box hides behind an icon and opens over the header.
  const [expanded, setExpanded] = useState(false);
  useEffect(() => {
    if (expanded) inputRef.current?.focus();
  }, [expanded]);
  const q = useDebouncedValue(text.trim(), 200);
  const search = useSearch(q);
  const settled = q === text.trim() && !search.isPlaceholderData;
  const groups = search.data?.groups ?? [];
  const hits = groups.flatMap((g) => g.items);

  // A new answer selects its first hit again.
  const answered = search.data?.q;
  useEffect(() => {
    if (answered !== undefined) setActive(0);
  }, [answered]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const ctrlK = e.key.toLowerCase() === "k" && (e.ctrlKey || e.metaKey);
      if (ctrlK || (e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(e.target))) {
        e.preventDefault();
        setExpanded(true);
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const go = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    setText("");
    inputRef.current?.blur();
    setExpanded(false);
    router.push(hit.href);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      if (hits.length > 0) setActive((a) => (a + (e.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length);
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (settled) go(hits[active]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      if (open && text) setOpen(false);
      else {
        setText("");
        inputRef.current?.blur();
        setExpanded(false);
      }
    }
  };

  const showPanel = open && text.trim().length > 0;
  const busy = text.trim().length > 0 && (!settled || search.isFetching);
  const activeHit = showPanel ? hits[active] : undefined;

  let index = -1;
  return (
    <>
      <button
        type="button"
        className="shrink-0 rounded-md p-2 text-slate-600 hover:bg-slate-100 sm:hidden"
        aria-label="Open search"
        onClick={() => setExpanded(true)}
      >
        <Search className="size-5" aria-hidden />
      </button>
      <div
        className={cn(
          expanded ? "absolute inset-x-0 top-0 z-40 flex h-14 items-center bg-white px-3" : "hidden",
          "sm:static sm:flex sm:h-auto sm:w-64 sm:bg-transparent sm:px-0 lg:w-80",
        )}
      >
        <div className="relative w-full">
          <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400" aria-hidden />
          <input
            ref={inputRef}
            // Not type=search: its native clear button duplicates Esc and crowds the shortcut hint.
            type="text"
            enterKeyHint="search"
            role="combobox"
            aria-label="Search everything"
            aria-expanded={showPanel}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={activeHit ? `${listId}-${activeHit.id}` : undefined}
            placeholder="Search…"
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => {
              setOpen(false);
              setExpanded(false);
            }}
            onKeyDown={onKeyDown}
            className="peer block h-9 w-full rounded-md border-0 bg-slate-50 pr-14 pl-8 text-sm text-slate-900 ring-1 ring-slate-200 ring-inset placeholder:text-slate-400 focus:bg-white focus:ring-2 focus:ring-brand-500 focus:outline-none"
          />
          {busy ? (
            <span
              className="absolute top-3 right-3 size-3.5 animate-spin rounded-full border-2 border-slate-300 border-t-transparent"
              role="status"
              aria-label="Searching"
            />
          ) : (
            <kbd className="pointer-events-none absolute top-2 right-2 hidden rounded border border-slate-200 bg-white px-1.5 font-sans text-xs text-slate-400 peer-placeholder-shown:sm:block">
              Ctrl K
            </kbd>
          )}
          {showPanel && (
            // biome-ignore lint/a11y/noStaticElementInteractions: only keeps the focus in the input while a result is clicked
            <div
              className="absolute top-full right-0 z-50 mt-1.5 max-h-[70vh] w-[min(28rem,calc(100vw-2rem))] overflow-y-auto rounded-lg bg-white py-1 shadow-lg ring-1 ring-slate-200"
              onMouseDown={(e) => e.preventDefault()}
            >
              {search.isError ? (
                <p className="px-3 py-3 text-sm text-red-700" role="alert">
                  {search.error.message}
                </p>
              ) : !search.data ? (
                <p className="px-3 py-3 text-sm text-slate-500">Searching…</p>
              ) : groups.length === 0 ? (
                <p className="px-3 py-3 text-sm text-slate-500">
                  {settled ? `No results for “${search.data.q}”` : "Searching…"}
                </p>
              ) : null}
              <div id={listId} role="listbox" aria-label="Search results" aria-busy={busy}>
                {!search.isError &&
                  groups.map((group) => {
                    const Icon = kindIcon[group.kind];
                    return (
                      // biome-ignore lint/a11y/useSemanticElements: ARIA's listbox groups its options with role=group, not a fieldset
                      <div key={group.kind} role="group" aria-labelledby={`${listId}-${group.kind}`}>
                        <p
                          id={`${listId}-${group.kind}`}
                          className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase"
                        >
                          {kindLabel[group.kind]}
                        </p>
                        {group.items.map((hit) => {
                          index += 1;
                          const i = index;
                          const selected = i === active;
                          return (
                            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keyboard (aria-activedescendant)
                            <div
                              key={hit.id}
                              id={`${listId}-${hit.id}`}
                              role="option"
                              tabIndex={-1}
                              aria-selected={selected}
                              className={cn(
                                "flex cursor-pointer items-start gap-2.5 px-3 py-1.5",
                                selected ? "bg-brand-50" : "hover:bg-slate-50",
                              )}
                              onMouseEnter={() => setActive(i)}
                              onClick={() => go(hit)}
                            >
                              <Icon className="mt-0.5 size-4 shrink-0 text-slate-400" aria-hidden />
                              <span className="min-w-0">
                                <span className="block truncate text-sm font-medium text-slate-900">{hit.label}</span>
                                <span className="block truncate font-mono text-xs text-slate-500">{hit.detail}</span>
                              </span>
                            </div>
                          );
                        })}
                        {group.more && (
                          <p className="px-3 pb-1 pl-9 text-xs text-slate-400">
                            More match: keep typing to narrow down
                          </p>
                        )}
                      </div>
                    );
                  })}
              </div>
            </div>
          )}
        </div>
      </div>
    </>
  );
}
