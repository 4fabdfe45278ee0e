import type { ReactNode } from "react";

/** A grey placeholder block while a page loads; the loading region announces itself, not each block. */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-md bg-slate-200/80 ${className}`} />;
}

/**
 * A page's loading state: one announcement for screen readers ("Loading disputes…"), the header's
 * title and description as placeholders, then `children`, the page's body in outline.
 */
export function PageLoading({ what, children }: { what?: string; children: ReactNode }) {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{what ? `Loading ${what}…` : "Loading…"}</span>
      <Skeleton className="h-7 w-44" />
      <Skeleton className="mt-3 mb-8 h-4 w-80 max-w-full" />
      {children}
    </div>
  );
}
