import type { ReactNode } from "react";
import { redirectToSignIn } from "@/components/auth/redirect-to-sign-in";
import { AppShell } from "@/components/shell/app-shell";
import type { NavItem } from "@/components/shell/nav";
import { WorkspaceSwitcher } from "@/components/shell/workspace-switcher";
import { currentSession, isPlatformAdmin } from "@/lib/auth/session";
import { currentWorkspace, userWorkspaces } from "@/app/(customer)/current-workspace";

const NAV: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", icon: "dashboard" },
  { href: "/transactions", label: "Transactions", icon: "transactions" },
  { href: "/credits", label: "Buy credits", icon: "credits" },
  { href: "/usage", label: "Usage", icon: "usage" },
  { href: "/billing", label: "Billing", icon: "billing" },
  { href: "/disputes", label: "Disputes", icon: "disputes" },
  { href: "/api-keys", label: "API keys", icon: "key" },
  { href: "/settings", label: "Settings", icon: "settings" },
];

const ADMIN_NAV: NavItem[] = [{ href: "/admin", label: "Admin", icon: "shield" }];

export default async function CustomerLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  if (!session) return redirectToSignIn("/dashboard");
  const workspace = await currentWorkspace(session.user.id);
  return (
    <AppShell
      navLabel="Main"
      nav={NAV}
      secondaryNav={isPlatformAdmin(session.user.role) ? ADMIN_NAV : undefined}
      homeHref="/dashboard"
      email={session.user.email}
      context={workspace && <WorkspaceSwitcher currentId={workspace.id} workspaces={(await userWorkspaces(session.user.id)).map((w) => ({ id: w.id, name: w.name, isPersonal: w.isPersonal, balance: w.wallet.balance, isPaused: w.wallet.status === "PAUSED" }))} />}
    >
      {children}
    </AppShell>
  );
}
