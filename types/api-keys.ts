import { z } from "zod";

export const createApiKeyBody = z
  .object({ name: z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters").describe("A label to tell keys apart") })
  .strict();
export type CreateApiKeyBody = z.infer<typeof createApiKeyBody>;

export const apiKeyView = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe("The first characters of the key"),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyView>;

export const createdApiKey = apiKeyView.extend({
  key: z.string().describe("The secret key. Shown only in this response: store it now."),
});
export type CreatedApiKey = z.infer<typeof createdApiKey>;

export const apiKeyList = z.object({ data: z.array(apiKeyView) });

export const createPlatformKeyBody = z
  .object({ name: z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters").describe("Which service uses the key, e.g. `workflow-runner`") })
  .strict();
export type CreatePlatformKeyBody = z.infer<typeof createPlatformKeyBody>;
