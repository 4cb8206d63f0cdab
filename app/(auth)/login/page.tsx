import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/field";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES = {
  verified: "Your e-mail address is confirmed. Sign in to open your workspace.",
  reset: "Your new password is set, and every other session of your account has ended. Sign in with it.",
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; verified?: string; reset?: string }>;
}) {
  const { next, verified, reset } = await searchParams;
  const notice = verified ? NOTICES.verified : reset ? NOTICES.reset : null;
  if (await currentUser()) redirect("/");
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">Sign in to Steward</h1>
      <p className="mb-5 mt-1 text-sm text-slate-600">Brand staff and partners use the same sign-in.</p>
      {notice && (
        <div className="mb-4">
          <FormMessage tone="success">{notice}</FormMessage>
        </div>
      )}
      <LoginForm next={next} />
      <p className="mt-3 text-right text-sm">
        <Link className="font-medium text-brand-600 underline hover:no-underline" href="/forgot-password">
          Forgot password?
        </Link>
      </p>
      <p className="mt-5 text-center text-sm text-slate-600">
        New brand on Steward?{" "}
        <Link className="font-medium text-brand-600 hover:underline" href="/signup">
          Create a workspace
        </Link>
      </p>
    </Card>
  );
}
