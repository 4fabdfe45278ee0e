import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Streamline Billing", template: "%s · Streamline Billing" },
  description: "Prepaid credits, plans and usage billing for your automations.",
};

export const viewport: Viewport = { themeColor: "#f8fafc" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
