"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the page every few seconds (up to a limit) while something confirmed elsewhere, like a payment's webhook, is on its way. */
export function RefreshUntil({ everySeconds = 2, times = 15 }: { everySeconds?: number; times?: number }) {
  const router = useRouter();
  useEffect(() => {
    let count = 0;
    const timer = setInterval(() => {
      if (++count >= times) clearInterval(timer);
      router.refresh();
    }, everySeconds * 1000);
    return () => clearInterval(timer);
  }, [router, everySeconds, times]);
  return null;
}
