"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode, RefObject } from "react";

export type DialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  /** Shown before the title, e.g. a status icon. Decorative: hidden from assistive technology. */
  icon?: ReactNode;
  children?: ReactNode;
  /** Extra actions, placed before the close button. */
  footer?: ReactNode;
  closeLabel?: string;
  /**
   * Where focus goes on close when the dialog was opened by code, not by a trigger (an error after
   * a request): Radix would otherwise leave it on the page body, and a keyboard user starts over.
   */
  returnFocusTo?: RefObject<HTMLElement | null>;
};

/**
 * The app's modal, on Radix: focus moves in and is trapped, Escape and the close button dismiss
 * it, focus returns to what opened it, and it is announced by its title and description.
 */
export function Dialog({ open, onOpenChange, title, description, icon, children, footer, closeLabel = "Close", returnFocusTo }: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40 backdrop-blur-[1px] data-[state=open]:animate-fade-in" />
        <RadixDialog.Content
          className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-xl border border-slate-200 bg-white p-6 shadow-xl focus:outline-none data-[state=open]:animate-dialog-in"
          {...(description ? {} : { "aria-describedby": undefined })}
          onCloseAutoFocus={(event) => {
            if (!returnFocusTo?.current) return;
            event.preventDefault();
            returnFocusTo.current.focus();
          }}
        >
          <div className="flex gap-4">
            {icon && (
              <div aria-hidden="true" className="shrink-0">
                {icon}
              </div>
            )}
            <div className="min-w-0 flex-1">
              <RadixDialog.Title className="text-base font-semibold text-slate-900">{title}</RadixDialog.Title>
              {description && <RadixDialog.Description className="mt-2 text-sm leading-6 text-slate-600">{description}</RadixDialog.Description>}
              {children && <div className="mt-4">{children}</div>}
            </div>
          </div>
          <div className="mt-6 flex justify-end gap-2">
            {footer}
            <RadixDialog.Close className="inline-flex h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50">
              {closeLabel}
            </RadixDialog.Close>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
