import "server-only";
import { forbidden, notFound } from "next/navigation";
import { isAppError } from "../errors";

/**
 * Runs a page's domain calls: an object outside the user's companies (or none at all, e.g. deleted) is Next's 404
 * page, a role that lacks the right is Next's 403 page (forbidden.tsx says which right). Anything else goes to the
 * error boundary.
 */
export async function loadPage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    if (isAppError(error) && error.code === "forbidden") forbidden();
    throw error;
  }
}
