import type { ActorType } from "@/lib/generated/prisma/client";

/** Who caused a credit movement: recorded on the entry and in the audit log. */
export type Actor = { type: ActorType; id?: string | null };
