import { useId, type TextareaHTMLAttributes } from "react";

export type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; errors?: string[]; hint?: string };

/** A labelled multi-line input whose hint and errors are announced with it. */
export function TextArea({ label, errors, hint, id, ...input }: TextAreaProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hasErrors = Boolean(errors?.length);
  const describedBy = [hint ? `${inputId}-hint` : null, hasErrors ? `${inputId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        {...input}
        id={inputId}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy}
        className={`min-h-28 rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:ring-3 focus:outline-none ${
          hasErrors ? "border-red-500 focus:ring-red-100" : "border-slate-300 focus:border-accent-500 focus:ring-accent-100"
        }`}
      />
      {hint && (
        <p id={`${inputId}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {hasErrors && (
        <p id={`${inputId}-error`} className="text-sm text-red-700">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}
