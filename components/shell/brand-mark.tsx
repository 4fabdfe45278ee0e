/** The product's name with its mark. Text, not an image, so it reads the same to everyone. */
export function BrandMark({ suffix }: { suffix?: string }) {
  return (
    <span className="inline-flex items-center gap-2.5 text-[15px] font-semibold tracking-tight text-slate-900">
      <span aria-hidden="true" className="flex size-7 items-center justify-center rounded-lg bg-accent-600 text-white shadow-sm">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.25} strokeLinecap="round" className="size-4">
          <path d="M5 8.5c3-3 5.5 3 8.5 0S17 5.5 19 7.5M5 15.5c3-3 5.5 3 8.5 0s3.5-3 5.5-1" />
        </svg>
      </span>
      Streamline Billing
      {suffix && <span className="rounded-md bg-slate-900 px-1.5 py-0.5 text-[11px] font-semibold tracking-wide text-white uppercase">{suffix}</span>}
    </span>
  );
}
