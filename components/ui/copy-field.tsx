"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";

/** A value shown once (a key, an invitation link): selectable text and a copy button that says whether the copy worked. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  async function copyValue() {
    try {
      await navigator.clipboard.writeText(value);
      setCopy("copied");
    } catch {
      // Clipboard access can be refused (permissions, plain http): the text stays selectable.
      setCopy("failed");
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <label className="text-sm font-medium text-slate-800" htmlFor={id}>
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className="h-10 min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 font-mono text-xs text-slate-900"
        />
        <Button variant="secondary" onClick={copyValue}>
          Copy
        </Button>
      </div>
      <p aria-live="polite" className="text-sm text-slate-600">
        {copy === "copied" ? "Copied to the clipboard." : copy === "failed" ? "Could not copy: select the text and copy it by hand." : ""}
      </p>
    </div>
  );
}
