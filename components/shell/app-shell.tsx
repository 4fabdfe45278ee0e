import Link from "next/link";
import type { ReactNode } from "react";
import { Nav, type NavItem } from "./nav";
import { SignOutButton } from "./sign-out-button";

export type AppShellProps = { navLabel: string; nav: NavItem[]; email: string; status?: ReactNode; extraLink?: NavItem; children: ReactNode };

/** Header, side navigation and main region shared by the customer and admin areas. */
export function AppShell({ navLabel, nav, email, status, extraLink, children }: AppShellProps) {
  return (
    <div className="min-h-screen">
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3">
          <Link href="/dashboard" className="font-semibold tracking-tight">
            <span className="text-accent-600">●</span> Streamline Billing
          </Link>
          <div className="ml-auto flex items-center gap-4 text-sm">
            {status}
            {extraLink && (
              <Link href={extraLink.href} className="font-medium text-accent-600 hover:underline">
                {extraLink.label}
              </Link>
            )}
            <span className="hidden text-slate-500 sm:inline">{email}</span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 md:flex-row">
        <aside className="md:w-48 md:shrink-0">
          <Nav label={navLabel} items={nav} />
        </aside>
        <main id="content" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </div>
  );
}
