import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderScorecardPdf } from "@/lib/scorecards/pdf/report";
import type { ScorecardExport, ScorecardRow } from "@/lib/scorecards/types";
import { SCORECARD_AREA_LABELS, SCORECARD_AREAS } from "@/lib/scorecards/weights";

// Issue 17, item 3: the scorecard PDF is rendered with poppler (pdfinfo, pdftotext -bbox,
// pdftoppm) and checked as a reader sees it: the paper size, each sub-score bar on its label's
// line, and the trend chart's y-axis values.

const month = new Date("2026-09-01T00:00:00Z");
const row = (partnerName: string, scores: (number | null)[], score: number): ScorecardRow => ({
  id: `sc-${partnerName}`,
  partnerId: `p-${partnerName}`,
  partnerName,
  partnerType: "DELIVERY",
  month,
  version: 1,
  status: "PUBLISHED",
  complianceScore: scores[0],
  experienceScore: scores[1],
  incidentScore: scores[2],
  valueScore: scores[3],
  engagementScore: scores[4],
  score,
  rank: 1,
  peerCount: 2,
  change: 2.5,
  recommendation: "MAINTAIN",
  computedAt: month,
  publishedAt: month,
  equityServed: 1000,
});
const trend = [60, 64, null, 71, 75].map((score, i) => ({ month: new Date(Date.UTC(2026, 4 + i, 1)), score }));
const data: ScorecardExport = {
  month,
  rows: [row("Swift Couriers", [90, 72.5, 40, null, 100], 74.1), row("Fixit Installers", [50, 60, 70, 80, 90], 70)],
  trends: new Map([["p-Swift Couriers", trend]]),
};

const dir = mkdtempSync(join(tmpdir(), "steward-pdf-"));
async function rendered(pageSize: "A4" | "LETTER") {
  const file = join(dir, `${pageSize}.pdf`);
  writeFileSync(file, await renderScorecardPdf(data, "Acme", { pageSize }));
  return file;
}

/** Page sizes in points, as poppler reports them. */
function pageSizes(file: string): { width: number; height: number }[] {
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "99", file], { encoding: "utf8" });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

type Word = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };
function words(file: string, page: number): Word[] {
  const html = execFileSync("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), file, "-"], {
    encoding: "utf8",
  });
  return [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5],
  }));
}

/** The page as pixels at 72 dpi (1 px = 1 pt), from pdftoppm's PPM output. */
function pixels(file: string, page: number) {
  const ppm = execFileSync("pdftoppm", ["-r", "72", "-f", String(page), "-l", String(page), file], {
    maxBuffer: 64 << 20,
  });
  const header = /^P6\s+(\d+)\s+(\d+)\s+\d+\s/.exec(ppm.subarray(0, 40).toString("latin1"))!;
  const [width, height, offset] = [Number(header[1]), Number(header[2]), header[0].length];
  const at = (x: number, y: number) => {
    const i = offset + 3 * (y * width + x);
    return [ppm[i], ppm[i + 1], ppm[i + 2]] as const;
  };
  return { width, height, at };
}

type Rgb = readonly [number, number, number];
const TRACK: Rgb = [0xf1, 0xf5, 0xf9];
const FILL: Rgb = [0x63, 0x66, 0xf1];

/** Vertical extents of the horizontal bands where column x has one of the colours (±12 per channel). */
function bands(img: ReturnType<typeof pixels>, x: number, colours: Rgb[]) {
  const result: { top: number; bottom: number }[] = [];
  for (let y = 0; y < img.height; y++) {
    const [r, g, b] = img.at(x, y);
    const hit = colours.some((c) => Math.abs(r - c[0]) <= 12 && Math.abs(g - c[1]) <= 12 && Math.abs(b - c[2]) <= 12);
    const last = result.at(-1);
    if (hit && last && last.bottom === y - 1) last.bottom = y;
    else if (hit) result.push({ top: y, bottom: y });
  }
  return result;
}

describe("scorecard PDF as rendered", () => {
  it("uses the workspace's paper size on every page: A4 or Letter", async () => {
    const a4 = pageSizes(await rendered("A4"));
    expect(a4).toHaveLength(3); // the summary + one page per partner
    for (const size of a4) expect(size).toEqual({ width: 595.28, height: 841.89 });
    const letter = pageSizes(await rendered("LETTER"));
    for (const size of letter) expect(size).toEqual({ width: 612, height: 792 });
  });

  it("draws each sub-score bar on its label's line, and the trend with y-axis values", async () => {
    const file = await rendered("A4");
    const page = 2; // Swift Couriers
    const text = words(file, page);
    const img = pixels(file, page);
    // Bars start 150 pt right of the page's 36 pt margin; sample just inside the grey track.
    const trackX = 36 + 150 + 295;
    const tracks = bands(img, trackX, [TRACK, FILL]).filter((b) => b.bottom - b.top >= 8);
    expect(tracks).toHaveLength(SCORECARD_AREAS.length);
    // The label lines: the words at the left margin from the first bar's line down, in reading order.
    const lineStarts = text.filter((w) => w.xMin < 40 && w.yMax > tracks[0].top - 4).sort((a, b) => a.yMin - b.yMin);
    SCORECARD_AREAS.forEach((area, i) => {
      const label = lineStarts[i];
      expect(label?.text, `line ${i + 1}`).toBe(SCORECARD_AREA_LABELS[area].split(" ")[0]);
      const labelMiddle = (label.yMin + label.yMax) / 2;
      const barMiddle = (tracks[i].top + tracks[i].bottom) / 2;
      expect(
        Math.abs(labelMiddle - barMiddle),
        `${SCORECARD_AREA_LABELS[area]}: bar and label on one line`,
      ).toBeLessThanOrEqual(3);
    });
    // The filled part is proportional: compliance 90 → 270 of 300 pt, value "no data" → none.
    const filledX = 36 + 150 + 200; // 66.7 % of the track
    const filled = bands(img, filledX, [FILL]).filter((b) => b.bottom - b.top >= 8);
    expect(filled).toHaveLength(3); // compliance 90, experience 72.5, engagement 100 pass 66.7 %; incidents 40 and value (none) do not

    const trendTitle = text.find((w) => w.text === "Trend");
    expect(trendTitle).toBeDefined();
    const axis = text.filter(
      (w) => ["0", "25", "50", "75", "100"].includes(w.text) && w.yMin > trendTitle!.yMax && w.xMax < 36 + 30,
    );
    expect(axis.map((w) => w.text)).toEqual(["100", "75", "50", "25", "0"]);
    // evenly spaced, top to bottom
    const gaps = axis.slice(1).map((w, i) => w.yMin - axis[i].yMin);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0], 0);

    // Pages to look at by eye: written next to the PDF.
    execFileSync("pdftoppm", ["-r", "60", "-png", file, join(dir, "page")]);
    expect(readFileSync(join(dir, "page-2.png")).subarray(1, 4).toString()).toBe("PNG");
  });
});
