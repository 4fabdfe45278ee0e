// npm run wallets:resume — the scheduled-resume sweep from the command line (or a system cron).
import { createDbClient, dbTargetFromEnv } from "@/lib/db/client";
import { resumeDueWallets } from "@/services/admin/resume-due-wallets";

const client = createDbClient(dbTargetFromEnv());
try {
  const result = await resumeDueWallets(client.prisma);
  console.log(`Resumed ${result.resumed} wallet(s).`);
} finally {
  await client.close();
}
