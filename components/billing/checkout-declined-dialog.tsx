"use client";

import { useState } from "react";
import { ErrorDialog } from "@/components/ui/error-dialog";

/** Back from Checkout after the bank said no: why, in the shared dialog, open as the page loads. */
export function CheckoutDeclinedDialog({ message }: { message: string }) {
  const [open, setOpen] = useState(true);
  const detail = `${message.replace(/\.?$/, ".")} Nothing was charged and no credits were added. You can try again with another card.`;
  return <ErrorDialog problem={open ? { title: "Your payment did not go through", detail } : null} onClose={() => setOpen(false)} />;
}
