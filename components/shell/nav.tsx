"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Icon, type IconName } from "@/components/ui/icon";

export type NavItem = {
  href: string;
  label: string;
  icon: IconName;
  /** Only the exact path is current (an area's overview, whose path prefixes every other page). */
  exact?: boolean;
};

function isCurrent(pathname: string, item: NavItem): boolean {
  return pathname === item.href || (!item.exact && pathname.startsWith(`${item.href}/`));
}

export type NavProps = {
  label: string;
  items: NavItem[];
  /** Links out of this area (to the admin area, back to the customer view), set apart below. */
  secondary?: NavItem[];
};

/** The area's navigation; the current page is marked with aria-current="page". */
export function Nav({ label, items, secondary = [] }: NavProps) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="flex flex-col gap-1">
      <NavList pathname={pathname} items={items} />
      {secondary.length > 0 && (
        <>
          <div aria-hidden="true" className="mx-3 my-3 h-px bg-slate-200" />
          <NavList pathname={pathname} items={secondary} />
        </>
      )}
    </nav>
  );
}

function NavList({ pathname, items }: { pathname: string; items: NavItem[] }) {
  return (
    <ul className="flex flex-col gap-1">
      {items.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            aria-current={isCurrent(pathname, item) ? "page" : undefined}
            className="group flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap text-slate-700 transition-colors hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-accent-50 aria-[current=page]:text-accent-700"
          >
            <Icon name={item.icon} className="size-[18px] text-slate-500 group-hover:text-slate-700 group-aria-[current=page]:text-accent-600" />
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
