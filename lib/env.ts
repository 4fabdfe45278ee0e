// Configuration, read and validated once. A missing production secret stops the server at start
// with a message naming the variable, never at the first request that needs it.
import { z } from "zod";

const optionalUrl = z.preprocess((value) => (value === "" ? undefined : value), z.url().optional());
const emails = z
  .string()
  .default("")
  .transform((value) => value.split(",").map((email) => email.trim().toLowerCase()).filter(Boolean));

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional(),
    ),
    PGLITE_DIR: z.string().default(".data/pglite"),
    APP_URL: z.url().default("http://localhost:3000"),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    ADMIN_EMAILS: emails,
    REDIS_URL: optionalUrl,
    NEXT_PUBLIC_API_URL: z.string().default("/api"),
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(6000),
    CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  })
  .superRefine((env, ctx) => {
    // `next build` runs in production mode but signs nothing; the running server must have it.
    const isBuilding = process.env.NEXT_PHASE === "phase-production-build";
    if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET && !isBuilding) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required in production" });
    }
  });

export type Env = z.infer<typeof envSchema>;

// Outside production a fixed secret keeps `npm run dev` working with no setup; it signs nothing real.
const DEVELOPMENT_SECRET = "development-only-secret-never-used-in-production";

function loadEnv(): Env & { NEXTAUTH_SECRET: string } {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration (see .env.example):\n${lines.join("\n")}`);
  }
  return { ...parsed.data, NEXTAUTH_SECRET: parsed.data.NEXTAUTH_SECRET ?? DEVELOPMENT_SECRET };
}

let cached: ReturnType<typeof loadEnv> | undefined;

export function env() {
  cached ??= loadEnv();
  return cached;
}
