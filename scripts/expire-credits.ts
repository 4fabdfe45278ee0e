// npm run credits:expire — the expiry sweep from the command line (or a system cron).
import { createDbClient, dbTargetFromEnv } from "@/lib/db/client";
import { expireCredits } from "@/services/credits/expire-credits";

const client = createDbClient(dbTargetFromEnv());
try {
  const result = await expireCredits(client.prisma);
  console.log(`Expired ${result.lotsExpired} lot(s), ${result.creditsExpired} credit(s).`);
} finally {
  await client.close();
}
