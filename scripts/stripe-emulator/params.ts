import { invalidRequest, missingParam } from "./errors";
import type { Param, ParamObject } from "./form-body";

/** Reads typed values out of decoded parameters, failing with Stripe's 400s. `name` is the wire path for messages. */
export function optionalString(params: ParamObject, key: string, name = key): string | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalidRequest(`Invalid string: ${name}`, name);
  return value;
}

export function requiredString(params: ParamObject, key: string, name = key): string {
  const value = optionalString(params, key, name);
  if (value === undefined || value === "") throw missingParam(name);
  return value;
}

/** A nullable string: `""` unsets (null), absent leaves as is (undefined). */
export function nullableString(params: ParamObject, key: string, name = key): string | null | undefined {
  const value = optionalString(params, key, name);
  return value === "" ? null : value;
}

export function optionalInteger(params: ParamObject, key: string, name = key): number | undefined {
  const value = optionalString(params, key, name);
  if (value === undefined || value === "") return undefined;
  if (!/^-?\d+$/.test(value)) throw invalidRequest(`Invalid integer: ${value}`, name, "parameter_invalid_integer");
  return Number(value);
}

export function optionalBoolean(params: ParamObject, key: string, name = key): boolean | undefined {
  const value = optionalString(params, key, name);
  if (value === undefined || value === "") return undefined;
  if (value !== "true" && value !== "false") throw invalidRequest(`Invalid boolean: ${value}`, name);
  return value === "true";
}

export function optionalObject(params: ParamObject, key: string, name = key): ParamObject | undefined {
  const value = params[key];
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw invalidRequest(`Invalid object: ${name}`, name);
  return value;
}

export function optionalArray(params: ParamObject, key: string, name = key): Param[] | undefined {
  const value = params[key];
  if (value === undefined || value === "") return undefined;
  if (!Array.isArray(value)) throw invalidRequest(`Invalid array: ${name}`, name);
  return value;
}

export function objectAt(value: Param | undefined, name: string): ParamObject {
  if (typeof value !== "object" || Array.isArray(value) || value === null) throw invalidRequest(`Invalid object: ${name}`, name);
  return value;
}

/** `expand[]` paths (`expand[0]=payment_intent`). */
export function expandPaths(params: ParamObject): string[] {
  return (optionalArray(params, "expand") ?? []).filter((p): p is string => typeof p === "string");
}

/**
 * Merges `metadata[...]` into existing metadata as Stripe does: a key set to `""` is removed, and
 * `metadata=""` clears everything.
 */
export function mergeMetadata(params: ParamObject, existing: Record<string, string> = {}): Record<string, string> {
  const value = params.metadata;
  if (value === undefined) return existing;
  if (value === "") return {};
  const patch = objectAt(value, "metadata");
  const next = { ...existing };
  for (const [key, entry] of Object.entries(patch)) {
    if (typeof entry !== "string") throw invalidRequest(`Invalid metadata value for ${key}`, `metadata[${key}]`);
    if (entry === "") delete next[key];
    else next[key] = entry;
  }
  return next;
}

/** The wire name of a nested parameter: `paramName("line_items[0][price_data]", "currency")`. */
export function paramName(prefix: string, key: string): string {
  return prefix ? `${prefix}[${key}]` : key;
}
