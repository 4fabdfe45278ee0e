import type { ReactNode } from "react";

export type CardProps = {
  title?: string;
  description?: ReactNode;
  /** Controls shown at the right of the title, e.g. a link to the full list. */
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** Flush cards hold tables that reach the card's edges. */
  flush?: boolean;
};

/** A white panel; with a title it is a labelled section (its h2 names the region). */
export function Card({ title, description, actions, children, className = "", flush = false }: CardProps) {
  const hasHeader = Boolean(title || actions);
  return (
    <section aria-label={title} className={`rounded-xl border border-slate-200 bg-white shadow-card ${className}`}>
      {hasHeader && (
        <div className={`flex flex-wrap items-start justify-between gap-3 ${flush ? "border-b border-slate-200 px-5 py-4" : "px-5 pt-5"}`}>
          <div>
            {title && <h2 className="text-sm font-semibold text-slate-900">{title}</h2>}
            {description && <p className="mt-0.5 text-sm text-slate-600">{description}</p>}
          </div>
          {actions}
        </div>
      )}
      <div className={flush ? "" : hasHeader ? "px-5 pt-3 pb-5" : "p-5"}>{children}</div>
    </section>
  );
}
