import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { currentSession } from "@/lib/auth/session";

const NAV = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/customers", label: "Customers" },
  { href: "/admin/disputes", label: "Disputes" },
  { href: "/admin/packages", label: "Packages" },
  { href: "/admin/promotions", label: "Promotions" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/integrity", label: "Integrity" },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in?callbackUrl=/admin");
  if (session.user.role !== "ADMIN") {
    return (
      <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
        <p className="text-sm font-semibold text-red-600">403</p>
        <h1 className="text-2xl font-semibold">This area is for platform administrators</h1>
        <p className="text-slate-600">Your account does not have access. If you think it should, ask a platform administrator.</p>
        <Link href="/dashboard" className="text-accent-600 underline underline-offset-4">
          Back to your dashboard
        </Link>
      </main>
    );
  }
  return (
    <AppShell navLabel="Admin" nav={NAV} email={session.user.email} extraLink={{ href: "/dashboard", label: "Customer view" }}>
      {children}
    </AppShell>
  );
}
