import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { env } from "@/lib/env";
import { ForgotPasswordForm } from "./forgot-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">Forgot your password?</h1>
      <p className="mb-5 mt-1 text-sm text-slate-600">
        Enter the e-mail address you sign in with. We mail it a link to set a new password.
      </p>
      <ForgotPasswordForm localMailDir={env().STEWARD_DEV_MAILBOX_DIR ?? null} />
      <p className="mt-5 text-center text-sm text-slate-600">
        Remembered it?{" "}
        <Link className="font-medium text-brand-600 underline hover:no-underline" href="/login">
          Sign in
        </Link>
      </p>
    </Card>
  );
}
