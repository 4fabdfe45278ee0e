// Configuration, read and validated once. A missing production secret stops the server at start
// with a message naming the variable, never at the first request that needs it.
import { z } from "zod";

/** An optional setting; set but empty (`FOO=` in a .env file) counts as unset. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
const optionalUrl = optional(z.url());

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")),
    PGLITE_DIR: z.string().default(".data/pglite"),
    APP_URL: z.url().default("http://localhost:3000"),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    REDIS_URL: optionalUrl,
    // How many proxies of ours stand in front of the app, each appending to X-Forwarded-For.
    // 0: no forwarded header is believed (lib/http/client-ip.ts).
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10, "must be at most 10").default(0),
    NEXT_PUBLIC_API_URL: z.string().default("/api"),
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(6000),
    SIGN_UP_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(10),
    CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
    // Four-eyes: an admin credit adjustment above either limit waits for a second admin's approval.
    ADMIN_APPROVAL_THRESHOLD_CREDITS: z.coerce.number().int().min(0).default(5_000),
    ADMIN_APPROVAL_THRESHOLD_CENTS: z.coerce.number().int().min(0).default(50_000),
    // Stripe. Without a secret key the app talks to the local emulator (scripts/stripe-emulator).
    STRIPE_SECRET_KEY: optional(z.string().regex(/^(sk|rk)_/, "must be a Stripe secret or restricted key (sk_… or rk_…)")),
    STRIPE_WEBHOOK_SECRET: optional(z.string().startsWith("whsec_", "must be a webhook signing secret (whsec_…)")),
    STRIPE_EMULATOR_URL: z.url().default("http://127.0.0.1:12111"),
    // Mail. Without SMTP_URL nothing leaves the machine: messages are marked delivered and shown
    // on the development mailbox page (/dev/mailbox).
    SMTP_URL: optional(z.url().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL (smtps://user:password@host:465)")),
    MAIL_FROM: z.string().min(3).default("Streamline Billing <no-reply@localhost>"),
    // How often this process sends due mail, in seconds; 0 leaves sending to the cron endpoint.
    MAIL_POLL_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  })
  .superRefine((env, ctx) => {
    // `next build` runs in production mode but signs nothing; the running server must have it.
    const isBuilding = process.env.NEXT_PHASE === "phase-production-build";
    if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET && !isBuilding) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required in production" });
    }
    // Links in emails and Stripe redirects carry APP_URL: over plain http they leak invitation
    // tokens and session cookies. Loopback stays allowed: nobody else can reach it, and browsers
    // treat it as a secure origin (a production build run locally, the E2E suite).
    if (env.NODE_ENV === "production" && !isBuilding && !isHttpsOrLoopback(env.APP_URL)) {
      ctx.addIssue({ code: "custom", path: ["APP_URL"], message: `must be an https:// URL in production (got ${env.APP_URL})` });
    }
    // Real Stripe sends webhooks signed with the endpoint's own secret: without it none verifies.
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET && !isBuilding) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_WEBHOOK_SECRET"], message: "is required with STRIPE_SECRET_KEY" });
    }
  });

export type Env = z.infer<typeof envSchema>;

function isHttpsOrLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(hostname);
}

// Outside production a fixed secret keeps `npm run dev` working with no setup; it signs nothing real.
const DEVELOPMENT_SECRET = "development-only-secret-never-used-in-production";

function loadEnv(): Env & { NEXTAUTH_SECRET: string } {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration (see .env.example):\n${lines.join("\n")}`);
  }
  warnAboutIgnoredSettings(parsed.data);
  return { ...parsed.data, NEXTAUTH_SECRET: parsed.data.NEXTAUTH_SECRET ?? DEVELOPMENT_SECRET };
}

// Printed once per process (instrumentation.ts loads the configuration at start); Next may load
// this module more than once, hence the flag on globalThis.
const globalForEnv = globalThis as typeof globalThis & { __streamlineEnvWarned?: boolean };

function warnAboutIgnoredSettings(config: Env) {
  if (globalForEnv.__streamlineEnvWarned) return;
  globalForEnv.__streamlineEnvWarned = true;
  if (process.env.ADMIN_EMAILS) {
    console.warn("ADMIN_EMAILS is ignored: grant platform admin with `npm run admin -- grant <email>` (docs/admin-guide.md).");
  }
  if (config.NODE_ENV === "production" && config.TRUSTED_PROXY_HOPS === 0 && process.env.NEXT_PHASE !== "phase-production-build") {
    console.warn("TRUSTED_PROXY_HOPS=0: X-Forwarded-For is ignored, so all clients share one rate-limit bucket (docs/operations.md).");
  }
}

let cached: ReturnType<typeof loadEnv> | undefined;

export function env() {
  cached ??= loadEnv();
  return cached;
}
