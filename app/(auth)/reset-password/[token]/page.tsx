import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ResetPasswordForm } from "./reset-form";

export const metadata: Metadata = { title: "Set a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: PageProps<"/reset-password/[token]">) {
  const { token } = await params;
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">Set a new password</h1>
      <p className="mb-5 mt-1 text-sm text-slate-600">
        Setting it signs your account out of every browser, this one included; then sign in with the new password.
      </p>
      <ResetPasswordForm token={token} />
      <p className="mt-5 text-center text-sm text-slate-600">
        Link expired?{" "}
        <Link className="font-medium text-brand-600 underline hover:no-underline" href="/forgot-password">
          Ask for a new one
        </Link>
      </p>
    </Card>
  );
}
