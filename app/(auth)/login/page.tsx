import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { Card } from "@/components/ui/card";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await currentUser()) redirect("/");
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">Sign in to Steward</h1>
      <p className="mb-5 mt-1 text-sm text-slate-600">Brand staff and partners use the same sign-in.</p>
      <LoginForm next={next} />
      <p className="mt-5 text-center text-sm text-slate-600">
        New brand on Steward?{" "}
        <Link className="font-medium text-brand-600 hover:underline" href="/signup">
          Create a workspace
        </Link>
      </p>
    </Card>
  );
}
