import type { z } from "zod";
import { fieldErrorsFromIssues } from "@/hooks/use-form-feedback";
import type { ParsedForm } from "./admin-action-dialog";

/** A request body checked against the route's own schema, so the form and the API agree. */
export function parseWith(schema: z.ZodType, body: Record<string, unknown>): ParsedForm {
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, body } : { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
}

/** A form value, or undefined when left empty. */
export function optionalText(form: FormData, name: string): string | undefined {
  const value = String(form.get(name) ?? "").trim();
  return value || undefined;
}

/** A `datetime-local` input's value (the admin's local time) as an ISO instant. */
export function optionalInstant(form: FormData, name: string): string | undefined {
  const value = optionalText(form, name);
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** A whole number typed into a field; anything else is passed on for the schema to refuse. */
export function numberOrText(form: FormData, name: string): number | string | undefined {
  const value = optionalText(form, name);
  if (value === undefined) return undefined;
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}
