import "server-only";
import type { Db } from "@/lib/db";
import type { ApiKeyView } from "@/types/api-keys";
import { API_KEY_VIEW } from "./api-key-view";

/** Every platform service key, newest first, revoked ones included (they show when). Admins only. */
export async function listPlatformKeys(db: Db): Promise<ApiKeyView[]> {
  return db.apiKey.findMany({ where: { kind: "PLATFORM" }, orderBy: { createdAt: "desc" }, select: API_KEY_VIEW });
}
