import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <ComingSoon
      title="Settings"
      icon="settings"
      description="Your workspace and your profile."
      next="Rename your workspace, manage its members and update your profile here."
      highlights={["Workspace name", "Members", "Profile"]}
    />
  );
}
