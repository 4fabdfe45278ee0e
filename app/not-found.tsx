import type { Metadata } from "next";
import Link from "next/link";
import { BrandMark } from "@/components/shell/brand-mark";
import { buttonClassName } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-white to-slate-100 px-4 py-12 text-center">
      <div className="mb-10">
        <BrandMark />
      </div>
      <p className="text-sm font-semibold text-accent-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-3 max-w-md text-sm leading-6 text-slate-600">The page you asked for does not exist, or it has moved.</p>
      <Link href="/" className={buttonClassName({ className: "mt-6" })}>
        Go to your dashboard
      </Link>
    </main>
  );
}
