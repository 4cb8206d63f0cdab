import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold">Your role does not allow this</h1>
      <p className="mt-2 text-sm text-slate-600">Ask an owner of this workspace if you need access.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline">
        Go to your workspace
      </Link>
    </main>
  );
}
