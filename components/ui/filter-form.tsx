"use client";

import { useRouter } from "next/navigation";
import type { FormEvent, FormHTMLAttributes } from "react";

/**
 * A GET form for filters whose URL leaves out empty fields (`?type=USAGE`, not
 * `?q=&type=USAGE&from=`), so a filtered view is a short link to share. Without script it is a
 * plain GET form and works the same.
 */
export function FilterForm({ action, children, ...form }: FormHTMLAttributes<HTMLFormElement> & { action: string }) {
  const router = useRouter();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value.trim()) params.set(name, value.trim());
    const query = params.toString();
    router.push(query ? `${action}?${query}` : action);
  }
  return (
    <form {...form} method="get" action={action} onSubmit={onSubmit}>
      {children}
    </form>
  );
}
