"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Reloads the page's server data every `seconds` while the tab is visible: lists whose rows show how data arrives
 * (last value, rate, status) stay current without a reload by hand.
 */
export function AutoRefresh({ seconds = 10 }: { seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    const t = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, seconds * 1000);
    return () => clearInterval(t);
  }, [router, seconds]);
  return null;
}
