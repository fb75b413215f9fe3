import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "../errors";

export type PageLoad<T> = { ok: true; data: T } | { ok: false; message: string };

/**
 * Runs a page's domain call: an object outside the user's companies (or none at all) is Next's 404 page; a role
 * that lacks the right comes back as a message for <AccessDenied>. Anything else goes to the error boundary.
 */
export async function loadPage<T>(work: () => Promise<T>): Promise<PageLoad<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    if (isAppError(error) && error.code === "forbidden") return { ok: false, message: error.message };
    throw error;
  }
}
