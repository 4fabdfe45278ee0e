import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { BrandMark } from "./brand-mark";
import { SignOutButton } from "./sign-out-button";

/** Shown instead of an area the signed-in person may not enter. Says who they are signed in as. */
export function ForbiddenNotice({ email }: { email: string }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-white to-slate-100 px-4 py-12">
      <div className="mb-8">
        <BrandMark />
      </div>
      <div className="w-full max-w-md rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-card">
        <span className="mx-auto mb-5 flex size-12 items-center justify-center rounded-full bg-amber-50 text-amber-700">
          <Icon name="lock" className="size-6" />
        </span>
        <p className="text-sm font-semibold text-amber-800">403 — Forbidden</p>
        <h1 className="mt-2 text-xl font-semibold tracking-tight text-slate-900">This area is for platform administrators</h1>
        <p className="mt-3 text-sm leading-6 text-slate-600">
          You are signed in as <span className="font-medium text-slate-800">{email}</span>, which does not have administrator access. If you
          think it should, ask a platform administrator.
        </p>
        <div className="mt-6 flex flex-wrap items-center justify-center gap-3">
          <Link href="/dashboard" className={buttonClassName()}>
            Back to your dashboard
          </Link>
          <SignOutButton />
        </div>
      </div>
    </main>
  );
}
