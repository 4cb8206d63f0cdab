import type { Metadata } from "next";
import Link from "next/link";
import { Check } from "lucide-react";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadSetupChecklist, type SetupFacts, type SetupStep, SETUP_STEPS } from "@/lib/onboarding/checklist";
import { PRESET_TYPES, PRESETS } from "@/lib/onboarding/presets";
import { IMPORT_KIND_LABELS, type ImportKind } from "@/lib/import/kinds";
import { sampleFileName } from "@/lib/onboarding/samples";
import { Card, PageHeader } from "@/components/ui/card";
import { PresetButton } from "./preset-button";

export const metadata: Metadata = { title: "Set up your workspace" };

type StepView = {
  title: string;
  why: string;
  status: (f: SetupFacts) => string;
  links: { href: string; label: string }[];
  samples?: ImportKind[];
};

const count = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

function stepViews(base: string): Record<SetupStep, StepView> {
  return {
    touchpoints: {
      title: "Map your touchpoints",
      why: "The moments of the customer journey your partners handle. A preset below creates the typical ones.",
      status: (f) => count(f.touchpoints, "touchpoint"),
      links: [{ href: `${base}/touchpoints`, label: "Touchpoints" }],
    },
    partners: {
      title: "Add your partners",
      why: "Add them one by one or import a CSV file. Applying a preset again assigns partners of its type to its touchpoints.",
      status: (f) =>
        `${count(f.partners, "partner")}, ${f.assignedPartners.toLocaleString("en")} assigned to touchpoints`,
      links: [
        { href: `${base}/partners/new`, label: "Add a partner" },
        { href: `${base}/settings/import`, label: "Import partners" },
      ],
      samples: ["partners"],
    },
    standards: {
      title: "Set experience standards",
      why: "How each touchpoint must be delivered: a measurable target per standard. The presets include typical ones.",
      status: (f) => count(f.standards, "standard"),
      links: [{ href: `${base}/standards`, label: "Standards" }],
    },
    invitations: {
      title: "Invite your partners",
      why: "Invite a person at each partner company: they see their incidents, standards and scorecard in the partner portal.",
      status: (f) => `${count(f.partnerInvitations, "invitation")} sent, ${count(f.partnerMembers, "partner user")}`,
      links: [{ href: `${base}/settings#members-heading`, label: "Invite people" }],
    },
    data: {
      title: "Import or connect your data",
      why: "Customers and their purchases give customer value; interactions give the experience scores. Import CSV files or send them through the API.",
      status: (f) =>
        [f.hasCustomers && "customers", f.hasTransactions && "transactions", f.hasInteractions && "interactions"]
          .filter(Boolean)
          .join(", ") || "no data yet",
      links: [
        { href: `${base}/settings/import`, label: "Bulk import" },
        { href: `${base}/settings/api-keys`, label: "API keys" },
      ],
      samples: ["customers", "transactions", "interactions"],
    },
    scorecard: {
      title: "Recompute values and publish a first scorecard",
      why: "Compute customer lifetime values, then compute last month's scorecards and publish them to your partners.",
      status: (f) =>
        `${f.hasCustomerValues ? "values computed" : "no customer values yet"}, ${count(f.publishedScorecards, "published scorecard")}`,
      links: [
        { href: `${base}/value`, label: "Customers & value" },
        { href: `${base}/scorecards`, label: "Scorecards" },
      ],
    },
  };
}

export default async function SetupPage({ params }: PageProps<"/t/[tenant]/setup">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant);
  const tenantId = access.tenant.id;
  const state = await loadSetupChecklist(tenantId);
  const base = `/t/${tenant}`;
  const views = stepViews(base);
  const canPreset = can(access.membership.role, "standards:write");
  const canImport = can(access.membership.role, "partners:write");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Set up your workspace"
        description="Six steps from an empty workspace to a first published scorecard. Each step is ticked from your data as you go."
      />
      <p className="text-sm font-medium text-slate-800" data-testid="setup-progress">
        {state.completed} of {SETUP_STEPS.length} steps done
        {state.next === null ? " — your workspace is set up." : ""}
      </p>
      <ol className="space-y-3" aria-label="Setup steps">
        {SETUP_STEPS.map((step, i) => {
          const view = views[step];
          const done = state.done[step];
          return (
            <li key={step} data-testid={`setup-step-${step}`} data-done={done}>
              <Card className={`flex gap-4 p-4 ${state.next === step ? "border-brand-600 ring-1 ring-brand-600" : ""}`}>
                <span
                  className={`flex size-7 shrink-0 items-center justify-center rounded-full text-sm font-semibold ${done ? "bg-emerald-700 text-white" : "bg-slate-100 text-slate-700"}`}
                  aria-hidden
                >
                  {done ? <Check className="size-4" /> : i + 1}
                </span>
                <div className="min-w-0 flex-1 space-y-1">
                  <h2 className="text-base font-semibold">
                    {view.title} <span className="sr-only">{done ? "(done)" : "(to do)"}</span>
                  </h2>
                  <p className="text-sm text-slate-600">{view.why}</p>
                  <p className="text-xs text-slate-700">
                    <span className={done ? "font-medium text-emerald-800" : "font-medium text-slate-800"}>
                      {done ? "Done" : "To do"}
                    </span>{" "}
                    · {view.status(state.facts)}
                  </p>
                  <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                    {view.links.map((l) => (
                      <Link key={l.href} href={l.href} className="text-brand-700 underline-offset-2 hover:underline">
                        {l.label} →
                      </Link>
                    ))}
                    {canImport &&
                      view.samples?.map((kind) => (
                        <a
                          key={kind}
                          href={`${base}/setup/samples/${kind}`}
                          download={sampleFileName(kind)}
                          className="text-brand-700 underline-offset-2 hover:underline"
                        >
                          Sample {IMPORT_KIND_LABELS[kind].toLowerCase()} CSV
                        </a>
                      ))}
                  </p>
                </div>
              </Card>
            </li>
          );
        })}
      </ol>
      <section aria-labelledby="presets-heading" className="space-y-3">
        <h2 id="presets-heading" className="text-lg font-semibold">
          Presets by partner type
        </h2>
        <p className="max-w-3xl text-sm text-slate-600">
          Each preset creates the typical touchpoints and experience standards for one kind of partner (those you
          already have are skipped) and assigns your partners of that type to them. The sample files fit the delivery
          and installer presets. Edit anything afterwards.
        </p>
        <div className="grid gap-4 *:min-w-0 md:grid-cols-2">
          {PRESET_TYPES.map((type) => {
            const preset = PRESETS[type];
            return (
              <Card key={type} className="space-y-3 p-4">
                <div>
                  <h3 className="font-semibold">{preset.label}</h3>
                  <p className="text-sm text-slate-600">{preset.summary}</p>
                </div>
                <ul className="space-y-1 text-sm">
                  {preset.touchpoints.map((tp) => (
                    <li key={tp.name}>
                      <span className="font-medium">{tp.name}</span>
                      <span className="text-slate-600">
                        {" "}
                        ({tp.stage}): {tp.standards.map((s) => s.name).join(", ")}
                      </span>
                    </li>
                  ))}
                </ul>
                {canPreset ? <PresetButton tenantSlug={tenant} preset={type} label={preset.label} /> : null}
              </Card>
            );
          })}
        </div>
      </section>
    </div>
  );
}
