"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { ledgerEntryLinkId } from "@/components/credits/ledger-entry-link-id";
import { Drawer } from "@/components/ui/drawer";

export type EntryDrawerProps = { entryId: string; title: string; description?: string; closeHref: string; children: ReactNode };

/** The `?entry=` drawer: open while the URL names an entry; closing drops it from the URL. */
export function EntryDrawer({ entryId, title, description, closeHref, children }: EntryDrawerProps) {
  const router = useRouter();
  const [open, setOpen] = useState(true);
  return (
    <Drawer
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) router.replace(closeHref, { scroll: false });
      }}
      title={title}
      description={description}
      returnFocusTo={() => document.getElementById(ledgerEntryLinkId(entryId))}
    >
      {children}
    </Drawer>
  );
}
