import { useId, type InputHTMLAttributes } from "react";

export type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; errors?: string[]; hint?: string };

/** A labelled input whose errors are announced with it (aria-describedby, aria-invalid). */
export function Field({ label, errors, hint, id, className = "", ...input }: FieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const messageId = `${inputId}-message`;
  const hasErrors = Boolean(errors?.length);
  return (
    <div className={`flex flex-col gap-1.5 ${className}`}>
      <label htmlFor={inputId} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        {...input}
        id={inputId}
        aria-invalid={hasErrors || undefined}
        aria-describedby={hasErrors || hint ? messageId : undefined}
        className={`rounded-md border bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-accent-500 focus:ring-2 focus:ring-accent-100 ${hasErrors ? "border-red-500" : "border-slate-300"}`}
      />
      {hasErrors ? (
        <p id={messageId} className="text-sm text-red-600">
          {errors!.join(" ")}
        </p>
      ) : hint ? (
        <p id={messageId} className="text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
