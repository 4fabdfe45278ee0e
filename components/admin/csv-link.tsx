import { buttonClassName } from "@/components/ui/button";

/** A download link for one finance table; the label says which, for screen readers too. */
export function CsvLink({ href, what }: { href: string; what: string }) {
  return (
    <a href={href} download className={buttonClassName({ variant: "secondary", size: "sm" })} aria-label={`Download ${what} as CSV`}>
      CSV
    </a>
  );
}
