"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { Icon } from "./icon";

export type DrawerProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  closeLabel?: string;
  /**
   * Where focus goes on close when the drawer was opened by a link, not a trigger (a deep link,
   * a row's link): Radix would otherwise leave it on the page body.
   */
  returnFocusTo?: () => HTMLElement | null;
};

/**
 * A panel that slides over the page's right edge (full width on a phone), for the details of one
 * row. The shared Radix dialog underneath: focus moves in and is trapped, Escape and the close
 * button dismiss it, and it is announced by its title.
 */
export function Drawer({ open, onOpenChange, title, description, children, closeLabel = "Close", returnFocusTo }: DrawerProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40 backdrop-blur-[1px] data-[state=open]:animate-fade-in" />
        <RadixDialog.Content
          className="fixed inset-y-0 right-0 z-50 flex w-full max-w-md flex-col border-l border-slate-200 bg-white shadow-xl focus:outline-none data-[state=open]:animate-drawer-in"
          {...(description ? {} : { "aria-describedby": undefined })}
          onCloseAutoFocus={(event) => {
            const target = returnFocusTo?.();
            if (!target) return;
            event.preventDefault();
            target.focus();
          }}
        >
          <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-4">
            <div className="min-w-0">
              <RadixDialog.Title className="text-base font-semibold text-slate-900">{title}</RadixDialog.Title>
              {description && <RadixDialog.Description className="mt-1 text-sm text-slate-600">{description}</RadixDialog.Description>}
            </div>
            <RadixDialog.Close className="-mr-1 rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900" aria-label={closeLabel}>
              <Icon name="close" className="size-5" />
            </RadixDialog.Close>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-5">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
