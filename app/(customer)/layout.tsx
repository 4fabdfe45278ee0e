import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { currentSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatCredits } from "@/lib/format";
import { listWorkspacesForUser } from "@/services/workspaces/list-workspaces-for-user";

const NAV = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/credits", label: "Buy credits" },
  { href: "/usage", label: "Usage" },
  { href: "/billing", label: "Billing" },
  { href: "/disputes", label: "Disputes" },
  { href: "/api-keys", label: "API keys" },
  { href: "/settings", label: "Settings" },
];

export default async function CustomerLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in?callbackUrl=/dashboard");
  const [workspace] = await listWorkspacesForUser(db(), session.user.id);
  const status = workspace && (
    <span className="rounded-full bg-slate-100 px-3 py-1 text-slate-700">
      {workspace.name} · <strong className="font-semibold">{formatCredits(workspace.wallet.balance)}</strong> credits
    </span>
  );
  return (
    <AppShell
      navLabel="Main"
      nav={NAV}
      email={session.user.email}
      status={status}
      extraLink={session.user.role === "ADMIN" ? { href: "/admin", label: "Admin" } : undefined}
    >
      {children}
    </AppShell>
  );
}
