import { redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/session";

/** No landing page: signed-in people (admins too) go to their dashboard, others to sign in. */
export default async function HomePage() {
  redirect((await currentSession()) ? "/dashboard" : "/sign-in");
}
