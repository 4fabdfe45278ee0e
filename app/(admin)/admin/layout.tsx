import type { ReactNode } from "react";
import { redirectToSignIn } from "@/components/auth/redirect-to-sign-in";
import { AppShell } from "@/components/shell/app-shell";
import { ForbiddenNotice } from "@/components/shell/forbidden-notice";
import type { NavItem } from "@/components/shell/nav";
import { currentSession, isPlatformAdmin } from "@/lib/auth/session";

const NAV: NavItem[] = [
  { href: "/admin", label: "Overview", icon: "dashboard", exact: true },
  { href: "/admin/customers", label: "Customers", icon: "customers" },
  { href: "/admin/finance", label: "Finance", icon: "billing" },
  { href: "/admin/approvals", label: "Approvals", icon: "shield" },
  { href: "/admin/disputes", label: "Disputes", icon: "disputes" },
  { href: "/admin/packages", label: "Packages", icon: "packages" },
  { href: "/admin/promotions", label: "Promotions", icon: "promotions" },
  { href: "/admin/webhooks", label: "Webhooks", icon: "webhooks" },
  { href: "/admin/platform-keys", label: "Platform keys", icon: "key" },
  { href: "/admin/audit", label: "Audit log", icon: "audit" },
  { href: "/admin/integrity", label: "Integrity", icon: "integrity" },
];

const CUSTOMER_VIEW: NavItem[] = [{ href: "/dashboard", label: "Customer view", icon: "arrowLeft" }];

/**
 * Every admin page renders inside this layout, so the role check here keeps admin content from
 * non-admins. The 403 notice is rendered with status 200: a layout cannot set the status, and
 * nothing of the admin area is sent. The API routes enforce the role on their own.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  if (!session) return redirectToSignIn("/admin");
  if (!isPlatformAdmin(session.user.role)) return <ForbiddenNotice email={session.user.email} />;
  return (
    <AppShell navLabel="Admin" nav={NAV} secondaryNav={CUSTOMER_VIEW} homeHref="/admin" areaBadge="Admin" email={session.user.email}>
      {children}
    </AppShell>
  );
}
