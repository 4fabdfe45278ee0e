import Link from "next/link";
import type { ReactNode } from "react";
import { BrandMark } from "./brand-mark";
import { EmailText } from "./email-text";
import { MobileMenu } from "./mobile-menu";
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

/**
 * Top bar, side navigation and main region shared by the customer and admin areas. From md up the
 * navigation is a sidebar; below it, a menu under the top bar, so no link is ever cut off.
 */
export function AppShell({ navLabel, nav, secondaryNav, homeHref, areaBadge, email, context, children }: AppShellProps) {
  return (
    <div className="min-h-screen">
      <SkipLink />
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/80">
        <div className="relative flex h-(--app-header-height) items-center gap-3 px-4 md:gap-4 md:px-6">
          <Link href={homeHref} className="shrink-0 rounded-md">
            <BrandMark suffix={areaBadge} />
          </Link>
          {context && <div className="hidden min-w-0 md:ml-4 md:block">{context}</div>}
          <div className="ml-auto hidden min-w-0 items-center gap-3 md:flex">
            <span className="max-w-[20rem] text-right text-sm leading-tight text-slate-600">
              <EmailText email={email} />
            </span>
            <SignOutButton />
          </div>
          <MobileMenu>
            {context && <div className="mb-3">{context}</div>}
            <Nav label={navLabel} items={nav} secondary={secondaryNav} />
            <div className="mt-4 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4">
              <p className="min-w-0 text-sm text-slate-600">
                Signed in as{" "}
                <span className="font-medium text-slate-800">
                  <EmailText email={email} />
                </span>
              </p>
              <SignOutButton />
            </div>
          </MobileMenu>
        </div>
      </header>
      <div className="md:flex">
        <aside className="hidden md:sticky md:top-(--app-header-height) md:block md:h-[calc(100vh-var(--app-header-height))] md:w-60 md:shrink-0 md:overflow-y-auto md:border-r md:border-slate-200 md:bg-white md:px-3 md:py-5">
          <Nav label={navLabel} items={nav} secondary={secondaryNav} />
        </aside>
        <main id="content" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none md:px-8 md:py-8">
          <div className="mx-auto max-w-5xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
