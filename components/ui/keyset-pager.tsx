import Link from "next/link";
import { buttonClassName } from "./button";
import { Icon } from "./icon";

export type KeysetPagerProps = {
  /** Link back to the first page; omitted on the first page. */
  firstHref?: string | null;
  /** Link to the next page; omitted on the last. */
  nextHref?: string | null;
};

/** "First page" / "Next page" under a keyset-paged table; nothing when there is one page. */
export function KeysetPager({ firstHref, nextHref }: KeysetPagerProps) {
  if (!firstHref && !nextHref) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-3 border-t border-slate-200 px-5 py-3">
      {firstHref ? (
        <Link href={firstHref} className={buttonClassName({ variant: "ghost", size: "sm" })}>
          <Icon name="arrowLeft" className="size-4" />
          First page
        </Link>
      ) : (
        <span />
      )}
      {nextHref && (
        <Link href={nextHref} className={buttonClassName({ variant: "secondary", size: "sm" })}>
          Next page
          <Icon name="arrowRight" className="size-4" />
        </Link>
      )}
    </nav>
  );
}
