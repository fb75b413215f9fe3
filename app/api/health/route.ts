import { getSessionUser } from "@/lib/auth/session";
import { checkHealth } from "@/lib/health/check-health";
import { publicHealth } from "@/lib/health/public-health";

export const dynamic = "force-dynamic";

// GET /api/health: PostgreSQL and Kafka up or down (with reasons for signed-in users); 503 when either is down.
export async function GET() {
  const [health, user] = await Promise.all([checkHealth(), getSessionUser().catch(() => null)]);
  return Response.json(publicHealth(health, user !== null), {
    status: health.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
