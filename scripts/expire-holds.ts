// npm run holds:expire — the hold expiry sweep from the command line (or a system cron).
import { createDbClient, dbTargetFromEnv } from "@/lib/db/client";
import { expireHolds } from "@/services/holds/expire-holds";

const client = createDbClient(dbTargetFromEnv());
try {
  const result = await expireHolds(client.prisma);
  console.log(`Expired ${result.holdsExpired} hold(s), freeing ${result.creditsFreed} credit(s).`);
} finally {
  await client.close();
}
