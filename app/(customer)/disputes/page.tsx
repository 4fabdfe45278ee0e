import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Disputes" };

export default function Page() {
  return <ComingSoon title="Disputes" description="Contest a charge you believe is wrong." next="You will be able to dispute a credit charge and follow its review here." />;
}
