"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Ends the session (the server revokes its record) and returns to the sign-in page. */
export function SignOutButton() {
  const [pending, setPending] = useState(false);

  async function onClick() {
    setPending(true);
    try {
      await signOut({ callbackUrl: "/sign-in" });
    } catch {
      // The page stays signed in; let them try again rather than leave a spinning button.
      setPending(false);
    }
  }

  return (
    <Button variant="secondary" size="sm" pending={pending} onClick={onClick}>
      Sign out
    </Button>
  );
}
