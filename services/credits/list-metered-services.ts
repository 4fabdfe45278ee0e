import "server-only";
import type { Db } from "@/lib/db";

/** The platform's metered services, by name, for choosing one (filters, pickers); inactive ones too: old usage names them. */
export async function listMeteredServices(db: Db): Promise<{ key: string; name: string; isActive: boolean }[]> {
  return db.service.findMany({ select: { key: true, name: true, isActive: true }, orderBy: [{ name: "asc" }, { key: "asc" }] });
}
