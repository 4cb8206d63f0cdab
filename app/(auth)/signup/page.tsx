import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { env } from "@/lib/env";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Create a workspace" };

export default function SignUpPage() {
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">Create your brand&apos;s workspace</h1>
      <p className="mb-5 mt-1 text-sm text-slate-600">
        You become its owner and can invite your team and your partners.
      </p>
      <SignUpForm localMailDir={env().STEWARD_DEV_MAILBOX_DIR ?? null} />
      <p className="mt-5 text-center text-sm text-slate-600">
        Already on Steward?{" "}
        <Link className="font-medium text-brand-600 hover:underline" href="/login">
          Sign in
        </Link>
      </p>
    </Card>
  );
}
