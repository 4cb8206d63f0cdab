import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { membershipsOf } from "@/lib/auth/access";
import { buttonClass } from "@/components/ui/button";

// Home: send a signed-in user to their first workspace (or portal); everyone else to sign in.
export default async function Home() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const memberships = await membershipsOf(user.id);
  if (memberships.length > 0) redirect(memberships[0].href);
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">You are not in any workspace yet</h1>
      <p className="mt-2 text-sm text-slate-600">
        Ask a workspace owner for an invitation link, or create a workspace for your own brand.
      </p>
      <Link href="/signup" className={buttonClass("primary", "mt-6")}>
        Create a workspace
      </Link>
    </main>
  );
}
