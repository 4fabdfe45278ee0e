import "server-only";
import { inTransaction, type Db } from "@/lib/db";
import { conflict, DomainError } from "@/lib/errors";
import type { CreatePackageBody } from "@/types/catalog";
import { recordAudit } from "../audit/record-audit";
import { packageTerms, recordPackageVersion } from "./package-terms";

/** Adds a pack or plan at version 1, with its version row and an audit row. Its Stripe Price is made at its first checkout. */
export async function createPackage(db: Db, input: { actorId: string; pkg: CreatePackageBody }) {
  const { pkg } = input;
  if (pkg.interval === "ONE_TIME" && pkg.rolloverCredits) throw new DomainError("validation_failed", "Only monthly plans roll credits over", { fieldErrors: { rolloverCredits: ["Only monthly plans roll credits over"] } });
  return inTransaction(db, async (tx) => {
    if (await tx.creditPackage.findUnique({ where: { slug: pkg.slug }, select: { id: true } })) throw conflict(`The slug ${pkg.slug} is taken`);
    const created = await tx.creditPackage.create({ data: { ...pkg, rolloverCapCredits: pkg.rolloverCredits ? pkg.rolloverCapCredits : null } });
    await recordPackageVersion(tx, created, input.actorId, "Created");
    await recordAudit(tx, { actor: { type: "ADMIN", id: input.actorId }, action: "package.create", target: { type: "credit_package", id: created.id }, after: packageTerms(created) });
    return created;
  });
}
