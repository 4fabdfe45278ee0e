import Link from "next/link";

type Props = { path: string; ranges: readonly number[]; current: number; label: string };

/** 30 / 90 days as links (the range lives in the URL, so it survives reloads and can be shared). */
export function RangeToggle({ path, ranges, current, label }: Props) {
  return (
    <nav aria-label={label} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm shadow-sm">
      {ranges.map((days) => (
        <Link
          key={days}
          href={`${path}?range=${days}`}
          aria-current={days === current ? "page" : undefined}
          className={`rounded px-3 py-1 font-medium ${days === current ? "bg-accent-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {days} days
        </Link>
      ))}
    </nav>
  );
}
