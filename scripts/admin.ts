// npm run admin -- grant|grant-senior|revoke <email> — make a user platform staff (a senior admin
// also decides appealed disputes), or take it away. Nothing
// on the web can do this: whoever runs this command already controls the server and its database.
import { z } from "zod";
import { createDbClient, dbTargetFromEnv } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { setPlatformRole, type PlatformRoleChange } from "@/services/accounts/set-platform-role";
import { emailField } from "@/types/auth";

const USAGE =
  "Usage: npm run admin -- grant <email>         (make the user a platform admin)\n" +
  "       npm run admin -- grant-senior <email>  (a senior admin: also decides appealed disputes)\n" +
  "       npm run admin -- revoke <email>        (make them a plain user again)";
const ROLE_FOR_COMMAND = { grant: "ADMIN", "grant-senior": "SENIOR_ADMIN", revoke: "USER" } as const;
const commandLine = z.tuple([z.enum(["grant", "grant-senior", "revoke"], "Unknown command"), emailField], "Give a command and one email");
const ROLE_NAMES = { ADMIN: "a platform admin", SENIOR_ADMIN: "a senior platform admin", USER: "a plain user" } as const;

function describeChange(change: PlatformRoleChange): string {
  const role = ROLE_NAMES[change.role];
  return change.isChanged ? `${change.email} is now ${role} (audited).` : `${change.email} is already ${role}; nothing changed.`;
}

async function main(args: string[]): Promise<number> {
  const parsed = commandLine.safeParse(args);
  if (!parsed.success) {
    console.error(`${parsed.error.issues[0]?.message ?? "Invalid arguments"}\n${USAGE}`);
    return 2;
  }
  const [command, email] = parsed.data;
  const client = createDbClient(dbTargetFromEnv());
  try {
    console.log(describeChange(await setPlatformRole(client.prisma, { email, role: ROLE_FOR_COMMAND[command] })));
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(error.code === "not_found" ? `No account with the email ${email}: they must sign up first.` : error.message);
    return 1;
  } finally {
    await client.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
