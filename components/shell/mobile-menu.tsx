"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Icon } from "@/components/ui/icon";

/**
 * Below the md breakpoint the side navigation folds into this: a "Menu" button that opens a panel
 * under the top bar with every link in full, the workspace and the account. It closes on
 * navigation and on Escape (focus goes back to the button).
 */
export function MobileMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [shownFor, setShownFor] = useState(pathname);

  // A link in the panel was followed: the new page shows with the menu folded.
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <div className="ml-auto md:hidden">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex h-9 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
      >
        <Icon name={open ? "close" : "menu"} className="size-[18px]" />
        Menu
      </button>
      <div id={panelId} hidden={!open} className="absolute inset-x-0 top-full max-h-[calc(100vh-var(--app-header-height))] overflow-y-auto border-b border-slate-200 bg-white px-4 pt-3 pb-5 shadow-lg">
        {/* Rendered only while open: the folded menu must not repeat the page's links and email to anything reading the DOM. */}
        {open && children}
      </div>
    </div>
  );
}
