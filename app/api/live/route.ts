// GET /api/live — liveness: 200 while this process serves requests, without touching the database
// (readiness, with the database, is /api/health). Also the benchmark's framework floor: the
// cheapest response the framework can give.
export const dynamic = "force-static";

export function GET() {
  return Response.json({ status: "ok" });
}
