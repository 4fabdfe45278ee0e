"use client";

import { useEffect } from "react";
import { BrandMark } from "@/components/shell/brand-mark";
import { Button } from "@/components/ui/button";

type ErrorPageProps = { error: Error & { digest?: string }; reset: () => void };

/** Anything a page throws ends here. The message is generic; the digest matches the server log. */
export default function ErrorPage({ error, reset }: ErrorPageProps) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-white to-slate-100 px-4 py-12 text-center">
      <div className="mb-10">
        <BrandMark />
      </div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Something went wrong</h1>
      <p className="mt-3 max-w-md text-sm leading-6 text-slate-600">This page could not be loaded. Try again; if it keeps happening, contact support.</p>
      {error.digest && <p className="mt-2 font-mono text-xs text-slate-600">Reference: {error.digest}</p>}
      <Button onClick={reset} className="mt-6">
        Try again
      </Button>
    </main>
  );
}
