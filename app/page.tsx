import { redirect } from "next/navigation";
import { currentSession, isPlatformAdmin } from "@/lib/auth/session";

/** No landing page: admins go to the admin area, customers to their dashboard, others to sign in. */
export default async function HomePage() {
  const session = await currentSession();
  redirect(!session ? "/sign-in" : isPlatformAdmin(session.user.role) ? "/admin" : "/dashboard");
}
