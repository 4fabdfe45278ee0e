import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// Verified against when the email is unknown, so a miss costs as much as a wrong password.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$AKAT7xA/YFCXjxTtI/vF1g$p3sj9d2hNuQzSlxNWwinF7cGGJLTqs1IWyz+gsk17Mc";

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  const matches = await verify(passwordHash ?? DUMMY_HASH, password).catch(() => false);
  return Boolean(passwordHash) && matches;
}
