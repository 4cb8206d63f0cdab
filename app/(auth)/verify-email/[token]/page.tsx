import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { ConfirmEmailForm } from "./confirm-form";

export const metadata: Metadata = { title: "Confirm your e-mail address", referrer: "no-referrer" };

// A button, not the link itself, confirms: a mail scanner that follows links must not use the token up.
export default async function VerifyEmailPage({ params }: PageProps<"/verify-email/[token]">) {
  const { token } = await params;
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">Confirm your e-mail address</h1>
      <p className="mb-5 mt-1 text-sm text-slate-600">
        Confirm that this address is yours to start using your new workspace. Then sign in.
      </p>
      <ConfirmEmailForm token={token} />
    </Card>
  );
}
