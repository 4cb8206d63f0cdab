import { Document, Page, Path, Polyline, StyleSheet, Svg, Text, View, renderToBuffer, Font } from "@react-pdf/renderer";
import { RECOMMENDATION_LABELS } from "@/lib/scorecards/combine";
import { formatMonth } from "@/lib/months";
import type { ScorecardExport, ScorecardRow } from "@/lib/scorecards/types";
import { SCORECARD_AREA_LABELS, SCORECARD_AREA_SHORT_LABELS, SCORECARD_AREAS } from "@/lib/scorecards/weights";
import type { ReportPageSize } from "@/lib/tenants/settings";

// No hyphenation: words are never split, and text layout is several times faster.
Font.registerHyphenationCallback((word) => [word]);

const AREA_KEY = {
  compliance: "complianceScore",
  experience: "experienceScore",
  incidents: "incidentScore",
  value: "valueScore",
  engagement: "engagementScore",
} as const;

const s = StyleSheet.create({
  page: { padding: 36, fontSize: 9, fontFamily: "Helvetica", color: "#0f172a" },
  h1: { fontSize: 18, fontFamily: "Helvetica-Bold", marginBottom: 4 },
  h2: { fontSize: 12, fontFamily: "Helvetica-Bold", marginTop: 14, marginBottom: 6 },
  muted: { color: "#64748b" },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#e2e8f0", paddingVertical: 3 },
  head: {
    flexDirection: "row",
    borderBottomWidth: 1,
    borderBottomColor: "#94a3b8",
    paddingVertical: 3,
    fontFamily: "Helvetica-Bold",
  },
  name: { width: 130 },
  num: { width: 48, textAlign: "right" },
  rec: { width: 70, paddingLeft: 8 },
  tiles: { flexDirection: "row", gap: 12, marginTop: 10 },
  tile: { borderWidth: 0.5, borderColor: "#cbd5e1", borderRadius: 4, padding: 8, width: 120 },
  big: { fontSize: 16, fontFamily: "Helvetica-Bold" },
  mono: { fontFamily: "Courier", fontSize: 7.5, lineHeight: 1.5 },
});

// The paper sizes in points (the workspace setting reportPageSize). Pages wrap (the default): with
// wrap={false} the renderer shrank each page to its content's height (595 × 521 pt).
const PAGE_SIZES = { A4: { width: 595.28, height: 841.89 }, LETTER: { width: 612, height: 792 } } as const;
type PageSize = (typeof PAGE_SIZES)[ReportPageSize];

const n = (v: number | null) => (v === null ? "no data" : v.toFixed(1));
const monthName = (d: Date) => d.toLocaleDateString("en", { month: "long", year: "numeric", timeZone: "UTC" });

// Charts are drawn with as few SVG nodes as possible (a handful of <Path>s per page instead of a node per bar,
// grid line or dot): each node costs layout and drawing time, times 1,000 partner pages.
const f1 = (v: number) => Math.round(v * 10) / 10;

// Sub-scores: one row per area, the label and the bar in the same fixed-height row, so each bar
// sits on its label's line whatever the font metrics (a multi-line text beside one SVG drifted).
const BAR_ROW = 18;
const BAR_WIDTH = 300;

function SubScoreBars({ row }: { row: ScorecardRow }) {
  return (
    <View>
      {SCORECARD_AREAS.map((area) => {
        const v = row[AREA_KEY[area]];
        const filled = v === null || v <= 0 ? 0 : f1((BAR_WIDTH * v) / 100);
        return (
          <View key={area} style={{ flexDirection: "row", alignItems: "center", height: BAR_ROW, marginBottom: 4 }}>
            <Text style={{ width: 150 }}>{`${SCORECARD_AREA_LABELS[area]}: ${n(v)}`}</Text>
            <Svg width={BAR_WIDTH} height={12}>
              <Path d={`M0 0h${BAR_WIDTH}v12h-${BAR_WIDTH}z`} fill="#f1f5f9" />
              {filled > 0 && <Path d={`M0 0h${filled}v12h-${filled}z`} fill="#6366f1" />}
            </Svg>
          </View>
        );
      })}
    </View>
  );
}

function TrendLine({ points }: { points: { month: Date; score: number | null }[] }) {
  return (
    <View>
      <TrendSvg points={points} />
      <Text style={s.muted}>
        {points.length === 0
          ? "No scores yet."
          : `${formatMonth(points[0].month)} to ${formatMonth(points.at(-1)!.month)} · ${points
              .map((p) => (p.score === null ? "no data" : p.score.toFixed(1)))
              .join(" · ")}`}
      </Text>
    </View>
  );
}

// The trend chart: score 0–100 on a labelled y-axis (0, 25, 50, 75, 100) left of the plot.
const TREND = { width: 480, height: 140, axis: 28, pad: 10 } as const;
const TREND_TICKS = [0, 25, 50, 75, 100];
const trendY = (score: number) => f1(TREND.height - TREND.pad - ((TREND.height - 2 * TREND.pad) * score) / 100);

function TrendSvg({ points }: { points: { month: Date; score: number | null }[] }) {
  const left = TREND.axis + TREND.pad;
  const right = TREND.width - TREND.pad;
  const step = points.length > 1 ? (right - left) / (points.length - 1) : 0;
  const drawn = points
    .map((p, i) => ({ x: f1(left + i * step), y: p.score === null ? null : trendY(p.score) }))
    .filter((q): q is { x: number; y: number } => q.y !== null);
  const grid = TREND_TICKS.map((g) => `M${left} ${trendY(g)}H${right}`).join("");
  // the month's dots: small squares, one path
  const dots = drawn.map((q) => `M${f1(q.x - 2.5)} ${f1(q.y - 2.5)}h5v5h-5z`).join("");
  return (
    <View style={{ position: "relative", width: TREND.width, height: TREND.height }}>
      <Svg width={TREND.width} height={TREND.height}>
        <Path d={grid} stroke="#e2e8f0" strokeWidth={0.5} />
        <Path d={`M${left} ${trendY(100)}V${trendY(0)}`} stroke="#94a3b8" strokeWidth={0.5} />
        {drawn.length > 1 && (
          <Polyline
            points={drawn.map((q) => `${q.x},${q.y}`).join(" ")}
            stroke="#4f46e5"
            strokeWidth={1.5}
            fill="none"
          />
        )}
        {dots && <Path d={dots} fill="#4f46e5" />}
      </Svg>
      {TREND_TICKS.map((g) => (
        <Text
          key={g}
          style={{
            position: "absolute",
            left: 0,
            width: TREND.axis,
            top: trendY(g) - 4,
            fontSize: 7,
            textAlign: "right",
            color: "#64748b",
          }}
        >
          {String(g)}
        </Text>
      ))}
    </View>
  );
}

const ROWS_PER_PAGE = 45;

const cell = (v: number | null) => (v === null ? "-" : v.toFixed(1));
const COLS = [30, 11, 11, 10, 7, 11, 7, 8, 11] as const;
const fitCell = (text: string, width: number, right = false) => {
  const t = text.length > width - 1 ? `${text.slice(0, width - 2)}~` : text;
  return right ? `${t.padStart(width - 1)} ` : t.padEnd(width);
};

/** One monospace line per partner: one text node per page keeps 1,000 rows fast. */
function tableHeader(): string {
  const heads = [
    "Partner",
    ...SCORECARD_AREAS.map((a) => SCORECARD_AREA_SHORT_LABELS[a]),
    "Score",
    "Rank",
    "Recommend.",
  ];
  return heads.map((h, i) => fitCell(h, COLS[i], i > 0 && i < 8)).join("");
}

function tableLine(r: ScorecardRow): string {
  const cells = [
    r.partnerName,
    ...SCORECARD_AREAS.map((a) => cell(r[AREA_KEY[a]])),
    cell(r.score),
    r.rank === null ? "-" : `${r.rank}/${r.peerCount}`,
    r.recommendation ? RECOMMENDATION_LABELS[r.recommendation] : "-",
  ];
  return cells.map((c, i) => fitCell(c, COLS[i], i > 0 && i < 8)).join("");
}

/** Portfolio summary: headline figures, then the table in fixed chunks of rows per page (no flow layout: linear time). */
function Summary({ data, tenantName, size }: { data: ScorecardExport; tenantName: string; size: PageSize }) {
  const scored = data.rows.filter((r) => r.score !== null);
  const avg = scored.length ? scored.reduce((a, r) => a + r.score!, 0) / scored.length : null;
  const counts = new Map<string, number>();
  for (const r of data.rows)
    if (r.recommendation) counts.set(r.recommendation, (counts.get(r.recommendation) ?? 0) + 1);
  const drafts = data.rows.filter((r) => r.status === "DRAFT").length;
  const chunks: ScorecardRow[][] = [];
  for (let i = 0; i < data.rows.length; i += ROWS_PER_PAGE) chunks.push(data.rows.slice(i, i + ROWS_PER_PAGE));
  if (chunks.length === 0) chunks.push([]);
  return (
    <>
      {chunks.map((chunk, page) => (
        <Page key={page} size={size} style={s.page}>
          {page === 0 && (
            <>
              <Text style={s.h1}>
                {tenantName} — partner scorecards, {monthName(data.month)}
              </Text>
              <Text style={s.muted}>
                {drafts > 0 ? `DRAFT: ${drafts} of ${data.rows.length} scorecards are not published yet. ` : ""}
                Generated {new Date().toISOString().slice(0, 16).replace("T", " ")} UTC. — means no data: the sub-score
                is left out and the other weights are scaled up.
              </Text>
              <Text style={s.h2}>
                {data.rows.length} partners · average score {avg === null ? "—" : avg.toFixed(1)} ·{" "}
                {(["REWARD", "MAINTAIN", "DEVELOP", "PROBATION", "EXIT"] as const)
                  .map((k) => `${RECOMMENDATION_LABELS[k]} ${counts.get(k) ?? 0}`)
                  .join(" · ")}
              </Text>
            </>
          )}
          <Text style={s.mono}>{[tableHeader(), ...chunk.map(tableLine)].join("\n")}</Text>
        </Page>
      ))}
    </>
  );
}

// One string per Text node (a single text run), and the month's name formatted once for all pages.
type PartnerPageProps = {
  row: ScorecardRow;
  trend: { month: Date; score: number | null }[];
  monthLabel: string;
  size: PageSize;
};

function PartnerPage({ row, trend, monthLabel, size }: PartnerPageProps) {
  return (
    <Page size={size} style={s.page}>
      <Text style={s.h1}>{row.partnerName}</Text>
      <Text
        style={s.muted}
      >{`Scorecard ${monthLabel} · ${row.partnerType.toLowerCase()} · ${row.status === "DRAFT" ? "draft" : "published"} (version ${row.version})`}</Text>
      <Text style={[s.h2, { marginTop: 10 }]}>
        {`Overall score ${row.score === null ? "no data" : row.score.toFixed(1)}  ·  change ${
          row.change === null ? "—" : `${row.change > 0 ? "+" : ""}${row.change.toFixed(1)}`
        }  ·  rank ${row.rank === null ? "—" : `${row.rank} of ${row.peerCount}`}  ·  ${row.recommendation ? RECOMMENDATION_LABELS[row.recommendation] : "no recommendation"}`}
      </Text>
      <Text style={s.h2}>Sub-scores</Text>
      <SubScoreBars row={row} />
      <Text style={s.h2}>Trend (overall score, last 12 months)</Text>
      <TrendLine points={trend} />
    </Page>
  );
}

type ReportProps = { data: ScorecardExport; tenantName: string; summary?: boolean; pageSize?: ReportPageSize };

function ScorecardReport({ data, tenantName, summary = true, pageSize = "A4" }: ReportProps) {
  const monthLabel = monthName(data.month);
  const size = PAGE_SIZES[pageSize];
  return (
    <Document title={`Scorecards ${formatMonth(data.month)}`} author={tenantName}>
      {summary && <Summary data={data} tenantName={tenantName} size={size} />}
      {data.rows.map((r) => (
        <PartnerPage
          key={r.id}
          row={r}
          trend={data.trends.get(r.partnerId) ?? []}
          monthLabel={monthLabel}
          size={size}
        />
      ))}
    </Document>
  );
}

export function renderScorecardPdf(
  data: ScorecardExport,
  tenantName: string,
  options: { summary?: boolean; pageSize?: ReportPageSize } = {},
): Promise<Buffer> {
  return renderToBuffer(
    <ScorecardReport
      data={data}
      tenantName={tenantName}
      summary={options.summary ?? true}
      pageSize={options.pageSize}
    />,
  );
}
