import "server-only";
import { z } from "zod";

/** The business rules' numbers. Defaults here; operators override them with the variables below. */
export type DisputeSettings = {
  /** DISPUTE_WINDOW_DAYS: how long after an entry it may be disputed. */
  disputeWindowDays: number;
  /** DISPUTE_APPEAL_WINDOW_DAYS: how long after a decision the customer may appeal it. */
  appealWindowDays: number;
  /** DISPUTE_FIRST_RESPONSE_HOURS: the SLA, from opening (or appealing) to an admin's first action. */
  firstResponseHours: number;
  /** DISPUTE_DIGEST_WARNING_HOURS: the daily digest lists disputes due within this many hours. */
  digestWarningHours: number;
};

export const DEFAULT_DISPUTE_SETTINGS: DisputeSettings = { disputeWindowDays: 30, appealWindowDays: 14, firstResponseHours: 48, digestWarningHours: 24 };

const positive = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const fromEnv = z.object({
  DISPUTE_WINDOW_DAYS: positive(DEFAULT_DISPUTE_SETTINGS.disputeWindowDays, 366),
  DISPUTE_APPEAL_WINDOW_DAYS: positive(DEFAULT_DISPUTE_SETTINGS.appealWindowDays, 366),
  DISPUTE_FIRST_RESPONSE_HOURS: positive(DEFAULT_DISPUTE_SETTINGS.firstResponseHours, 24 * 60),
  DISPUTE_DIGEST_WARNING_HOURS: positive(DEFAULT_DISPUTE_SETTINGS.digestWarningHours, 24 * 60),
});

let cached: DisputeSettings | undefined;

/** Read and validated once; a bad value fails loudly with the variable's name. */
export function disputeSettings(): DisputeSettings {
  if (cached) return cached;
  const blankAsUnset = Object.fromEntries(Object.keys(fromEnv.shape).map((key) => [key, process.env[key] === "" ? undefined : process.env[key]]));
  const parsed = fromEnv.safeParse(blankAsUnset);
  if (!parsed.success) throw new Error(`Invalid dispute settings: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
  cached = {
    disputeWindowDays: parsed.data.DISPUTE_WINDOW_DAYS,
    appealWindowDays: parsed.data.DISPUTE_APPEAL_WINDOW_DAYS,
    firstResponseHours: parsed.data.DISPUTE_FIRST_RESPONSE_HOURS,
    digestWarningHours: parsed.data.DISPUTE_DIGEST_WARNING_HOURS,
  };
  return cached;
}

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;
