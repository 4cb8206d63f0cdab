import type { Metadata } from "next";
import Link from "next/link";
import { readInvitation } from "@/lib/members/invitations";
import { currentUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { AcceptInviteForm } from "./accept-form";

export const metadata: Metadata = { title: "Invitation" };

const PROBLEMS = {
  expired: "This invitation has expired. Ask the workspace owner for a new one.",
  used: "This invitation was already used.",
  revoked: "This invitation was withdrawn by the workspace owner.",
};

export default async function InvitePage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const invitation = /^[\w-]{20,200}$/.test(token) ? await readInvitation(token) : null;
  const user = await currentUser();
  if (!invitation)
    return (
      <Card className="p-6">
        <h1 className="text-lg font-semibold">Invitation not found</h1>
        <p className="mt-2 text-sm text-slate-600">
          This invitation link is not valid. Check that you copied all of it.
        </p>
      </Card>
    );
  const joiningAs = `${ROLE_LABELS[invitation.role]}${invitation.partnerName ? ` for ${invitation.partnerName}` : ""}`;
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">Join {invitation.tenantName} on Steward</h1>
      <p className="mb-5 mt-1 text-sm text-slate-600">
        Invitation for <strong>{invitation.email}</strong> as {joiningAs}.
      </p>
      {invitation.problem ? (
        <p className="text-sm text-red-700" data-testid="form-error">
          {PROBLEMS[invitation.problem]}
        </p>
      ) : user && user.email !== invitation.email ? (
        <p className="text-sm text-red-700" data-testid="form-error">
          You are signed in as {user.email}. Sign out, then open this link again to accept as {invitation.email}.
        </p>
      ) : (
        <>
          <AcceptInviteForm token={token} needsAccount={!user} email={invitation.email} />
          {!user && (
            <p className="mt-5 text-center text-sm text-slate-600">
              Already have a Steward account for {invitation.email}?{" "}
              <Link className={buttonClass("ghost", "px-1 py-0 text-brand-600")} href={`/login?next=/invite/${token}`}>
                Sign in first
              </Link>
            </p>
          )}
        </>
      )}
    </Card>
  );
}
