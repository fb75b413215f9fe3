// The page has a loading UI: its right is checked in this layout, above it, so that a role without it gets a real 403.
export { ClusterPagesLayout as default } from "@/lib/pages/load-company-page";
