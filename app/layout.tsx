import type { Metadata } from "next";
import localFont from "next/font/local";
import "./globals.css";

// Bundled from @fontsource-variable/inter: next/font/google needs the internet at build time.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "Steward", template: "%s · Steward" },
  description: "Demand-chain partner management: partners, experience standards, incidents, customer equity and scorecards.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
