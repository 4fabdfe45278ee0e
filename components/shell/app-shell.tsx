import Link from "next/link";
import type { ReactNode } from "react";
import { BrandMark } from "./brand-mark";
import { Nav, type NavItem } from "./nav";
import { SignOutButton } from "./sign-out-button";
import { SkipLink } from "./skip-link";

export type AppShellProps = {
  /** The nav's accessible name: "Main" for customers, "Admin" for the admin area. */
  navLabel: string;
  nav: NavItem[];
  secondaryNav?: NavItem[];
  homeHref: string;
  /** Shown after the product name, e.g. "Admin". */
  areaBadge?: string;
  email: string;
  /** Context for the top bar, e.g. the current workspace and its balance. */
  context?: ReactNode;
  children: ReactNode;
};

/** Top bar, side navigation and main region shared by the customer and admin areas. */
export function AppShell({ navLabel, nav, secondaryNav, homeHref, areaBadge, email, context, children }: AppShellProps) {
  return (
    <div className="min-h-screen">
      <SkipLink />
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/80">
        <div className="flex h-(--app-header-height) items-center gap-4 px-4 md:px-6">
          <Link href={homeHref} className="rounded-md">
            <BrandMark suffix={areaBadge} />
          </Link>
          {context && <div className="hidden min-w-0 md:ml-4 md:block">{context}</div>}
          <div className="ml-auto flex items-center gap-3">
            <span className="hidden max-w-[16rem] truncate text-sm text-slate-600 sm:inline" title={email}>
              {email}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="md:flex">
        <aside className="border-b border-slate-200 bg-white px-3 py-2 md:sticky md:top-(--app-header-height) md:h-[calc(100vh-var(--app-header-height))] md:w-60 md:shrink-0 md:overflow-y-auto md:border-r md:border-b-0 md:px-3 md:py-5">
          <Nav label={navLabel} items={nav} secondary={secondaryNav} />
        </aside>
        <main id="content" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none md:px-8 md:py-8">
          <div className="mx-auto max-w-5xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
