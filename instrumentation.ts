// Runs once when the server starts: fail fast on bad configuration, then start the mail job.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  env();
  // Mail queued before a restart (or by another process) is sent by this loop (services/mail).
  const { startMailSender } = await import("./services/mail/mail-sender");
  startMailSender();
}
