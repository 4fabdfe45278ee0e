import { useId, type InputHTMLAttributes } from "react";

export type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  /** Messages shown under the input; any message marks the input invalid. */
  errors?: string[];
  hint?: string;
};

/** A labelled input whose hint and errors are announced with it (aria-describedby, aria-invalid). */
export function Field({ label, errors, hint, id, className = "", ...input }: FieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const hasErrors = Boolean(errors?.length);
  const describedBy = [hint ? hintId : null, hasErrors ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1.5 ${className}`}>
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        {...input}
        id={inputId}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy}
        className={`h-10 rounded-md border bg-white px-3 text-sm text-slate-900 shadow-sm transition-colors placeholder:text-slate-500 focus:ring-3 focus:outline-none ${
          hasErrors ? "border-red-500 focus:border-red-500 focus:ring-red-100" : "border-slate-300 focus:border-accent-500 focus:ring-accent-100"
        }`}
      />
      {hint && !hasErrors && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {hint && hasErrors && (
        <p id={hintId} className="sr-only">
          {hint}
        </p>
      )}
      {hasErrors && (
        <p id={errorId} className="text-sm text-red-700">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}
