"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

/** Whether a click on this link starts a client navigation to another page of the console. */
function startsNavigation(event: MouseEvent): boolean {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return false;
  }
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return false;
  const to = new URL(link.href, window.location.href);
  const here = window.location;
  return to.origin === here.origin && (to.pathname !== here.pathname || to.search !== here.search);
}

/**
 * A thin bar at the top of the window while the console changes page: it starts when a link is followed (or the
 * browser goes back or forward) and ends when the new page is there, so a slow page never looks like a dead click.
 */
export function NavigationProgress() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (startsNavigation(event)) setLoading(true);
    };
    const onPopState = () => setLoading(true);
    // Capture: a link's own handler (Next's Link) may stop the event before it bubbles to the document.
    document.addEventListener("click", onClick, true);
    window.addEventListener("popstate", onPopState);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("popstate", onPopState);
    };
  }, []);

  // The new page is rendered: done.
  // biome-ignore lint/correctness/useExhaustiveDependencies: ends on every new path or query
  useEffect(() => setLoading(false), [pathname, search]);

  if (!loading) return null;
  return (
    <div
      role="progressbar"
      aria-label="Loading the page"
      className="pointer-events-none fixed inset-x-0 top-0 z-[60] h-0.5 overflow-hidden bg-brand-100"
    >
      <div className="nav-progress h-full bg-brand-600" />
    </div>
  );
}
