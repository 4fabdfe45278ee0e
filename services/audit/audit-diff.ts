// Turns an audit row's before/after into the lines a person reads: what changed, from what to what.

import type { JsonValue } from "@/types/audit";

export type AuditChange = { field: string; before: string | null; after: string | null };

const isObject = (value: JsonValue | undefined): value is { [key: string]: JsonValue } => typeof value === "object" && value !== null && !Array.isArray(value);

function show(value: JsonValue | undefined): string | null {
  if (value === undefined) return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * The fields that differ, nested objects flattened to dotted paths (`wallet.status`), in the
 * order they first appear. A snapshot that is not an object compares as one field, `value`.
 */
export function auditChanges(before: JsonValue | null, after: JsonValue | null): AuditChange[] {
  const changes: AuditChange[] = [];
  const walk = (path: string, b: JsonValue | undefined, a: JsonValue | undefined) => {
    if (isObject(b) || isObject(a)) {
      const left = isObject(b) ? b : {};
      const right = isObject(a) ? a : {};
      if ((b !== undefined && b !== null && !isObject(b)) || (a !== undefined && a !== null && !isObject(a))) {
        if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field: path || "value", before: show(b), after: show(a) });
        return;
      }
      for (const key of [...new Set([...Object.keys(left), ...Object.keys(right)])]) walk(path ? `${path}.${key}` : key, left[key], right[key]);
      return;
    }
    if (JSON.stringify(b ?? null) !== JSON.stringify(a ?? null)) changes.push({ field: path || "value", before: show(b), after: show(a) });
  };
  walk("", before ?? undefined, after ?? undefined);
  return changes;
}
