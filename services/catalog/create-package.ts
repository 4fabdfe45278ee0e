import "server-only";
import { inTransaction, type Db } from "@/lib/db";
import { conflict, DomainError } from "@/lib/errors";
import { packageTermsView, type CreatePackageBody, type PackageTermsView } from "@/types/catalog";
import { createOnce } from "../idempotency/run-once";
import { recordAudit } from "../audit/record-audit";
import { packageTerms, recordPackageVersion } from "./package-terms";

export type CreatePackageInput = {
  actorId: string;
  pkg: CreatePackageBody;
  /** The admin's Idempotency-Key: a retry creates nothing and gets the first answer (`replayed`). */
  idempotencyKey?: string;
};

/**
 * Adds a pack or plan at version 1, with its version row and an audit row. Its Stripe Price is
 * made at its first checkout. With an Idempotency-Key, once per key (createOnce), in the same
 * transaction. Throws `conflict` for a slug taken, `validation_failed` for a pack that rolls over.
 */
export async function createPackage(db: Db, input: CreatePackageInput): Promise<{ package: PackageTermsView; replayed: boolean }> {
  const { pkg } = input;
  if (pkg.interval === "ONE_TIME" && pkg.rolloverCredits) throw new DomainError("validation_failed", "Only monthly plans roll credits over", { fieldErrors: { rolloverCredits: ["Only monthly plans roll credits over"] } });
  return inTransaction(db, async (tx) => {
    const create = async () => {
      if (await tx.creditPackage.findUnique({ where: { slug: pkg.slug }, select: { id: true } })) throw conflict(`The slug ${pkg.slug} is taken`);
      const created = await tx.creditPackage.create({ data: { ...pkg, rolloverCapCredits: pkg.rolloverCredits ? pkg.rolloverCapCredits : null } });
      await recordPackageVersion(tx, created, input.actorId, "Created");
      await recordAudit(tx, { actor: { type: "ADMIN", id: input.actorId }, action: "package.create", target: { type: "credit_package", id: created.id }, after: packageTerms(created) });
      return packageTermsView.parse(created);
    };
    if (!input.idempotencyKey) return { package: await create(), replayed: false };
    const claim = { scope: `admin:${input.actorId}`, key: input.idempotencyKey, request: { op: "package.create", ...pkg } };
    const { value, replayed } = await createOnce(tx, claim, packageTermsView, create);
    return { package: value, replayed };
  });
}
