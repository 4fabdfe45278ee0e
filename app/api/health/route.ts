import { pingDatabase } from "@/lib/db/ping";
import { env } from "@/lib/env";
import { json } from "@/lib/http/responses";
import { withPublic } from "@/lib/http/route";
import { healthResponse } from "@/types/health";

export const dynamic = "force-dynamic";

// GET /api/health — 200 when the database answers, 503 when it does not
export const GET = withPublic({}, async () => {
  const engine = env().DATABASE_URL ? "postgres" : "pglite";
  const latencyMs = await pingDatabase().catch(() => null);
  const ok = latencyMs !== null;
  return json(healthResponse, { status: ok ? "ok" : "degraded", database: { ok, engine, latencyMs } }, { status: ok ? 200 : 503 });
});
