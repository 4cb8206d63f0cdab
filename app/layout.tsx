import type { Metadata } from "next";
import localFont from "next/font/local";
import { headers } from "next/headers";
import { EARLY_INPUT_RECORDER } from "@/components/forms/early-input-recorder";
import "./globals.css";

// Bundled from @fontsource-variable/inter: next/font/google needs the internet at build time.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "Steward", template: "%s · Steward" },
  description:
    "Demand-chain partner management: partners, experience standards, incidents, customer equity and scorecards.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: Next.js can put the request's CSP nonce (proxy.ts) only on
  // scripts of a page rendered for that request, never on one prerendered at build time.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" className={inter.variable}>
      <head>
        {/* the page's first script: it records what is typed before React's scripts have run (ADR 017) */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of ours, not content */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: EARLY_INPUT_RECORDER }} />
      </head>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
