import type { Metadata } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
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
  await connection();
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
