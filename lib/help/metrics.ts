// Plain-language help for the figures people ask about: what each means, how it is computed, which settings
// change it. One source for every page (components/ui/help-disclosure.tsx renders an entry). Setting paths are
// relative to the workspace (/t/<tenant>/…); partners see the text without the links.

export type HelpEntry = {
  title: string;
  means: string;
  computed: string;
  settings: { label: string; path: string }[];
};

const VALUE_SETTINGS = {
  label: "Value settings (model, horizon, discount rate, churn after a bad experience)",
  path: "settings/value",
};
const SCORECARD_SETTINGS = { label: "Scorecard weights and thresholds", path: "settings/scorecards" };
const INCENTIVE_SETTINGS = { label: "Incentive tiers, bonus pool and floor", path: "settings/incentives" };

export const METRIC_HELP = {
  clv: {
    title: "Customer lifetime value (CLV)",
    means:
      "What one customer is worth to you from today on: the margin you can expect from their future purchases, in today's money.",
    computed:
      "BG/NBD model (default): how often and how recently the customer bought gives the purchases to expect over the horizon; Gamma-Gamma gives the margin per purchase; both are fitted to all your customers, then discounted. Retention model: margin × retention ÷ (1 + discount rate − retention).",
    settings: [VALUE_SETTINGS],
  },
  pAlive: {
    title: "P(alive)",
    means:
      "The probability that the customer still buys from you at all, rather than having quietly left. 1.00 = certainly still a customer.",
    computed:
      "From the BG/NBD model: a customer who used to buy often but has not bought for a long time is likely gone; one who buys rarely and bought recently is likely still there. Only the BG/NBD model gives it.",
    settings: [VALUE_SETTINGS],
  },
  customerEquity: {
    title: "Customer equity",
    means:
      "The sum of the lifetime values of all your customers: what your customer base is worth. Growing it is the goal of the network.",
    computed:
      "Sum of the CLV of every customer at the month's recompute; rolled up by partner (customers it served or acquired), touchpoint, segment and channel. Recompute on the Customers & value page after new data.",
    settings: [VALUE_SETTINGS],
  },
  equityAtRisk: {
    title: "Equity at risk",
    means:
      "The customer value that incidents put in danger: how much you may lose because customers had a bad experience.",
    computed:
      "For each incident in the window named next to the figure: the CLV of the affected customer (or the average CLV when none is named) × customers affected × the probability that such a customer stops buying after a bad experience.",
    settings: [VALUE_SETTINGS],
  },
  score: {
    title: "Overall score",
    means:
      "One 0–100 number for how the partner served your customers this month; it sets the recommendation (reward, maintain, develop, probation, exit).",
    computed:
      "The weighted mean of the five sub-scores that have data; a sub-score without data is left out and the other weights are scaled up (never counted as 0). The rank compares partners of the same type.",
    settings: [SCORECARD_SETTINGS],
  },
  compliance: {
    title: "Standards compliance",
    means: "How many of the experience standards the partner met, weighted by importance.",
    computed:
      "Weight of the standards met ÷ weight of the standards assessed in the month (verified assessments only) × 100. No assessment = no data.",
    settings: [SCORECARD_SETTINGS, { label: "Standards (targets and weights)", path: "standards" }],
  },
  experience: {
    title: "Customer experience",
    means: "How customers rated the partner's part of their experience.",
    computed:
      "The mean of three parts: CSAT (1 → 0, 5 → 100), NPS (−100 → 0, +100 → 100) and outcomes (successes + half the partial ones, as a share of interactions).",
    settings: [SCORECARD_SETTINGS],
  },
  incidents: {
    title: "Incident performance",
    means: "How rarely the partner caused incidents and how well it handled them.",
    computed:
      "The mean of: the rate (100 − 10 per incident per 1,000 interactions), SLA adherence (share resolved within target) and time to resolve (100 when at or under target).",
    settings: [SCORECARD_SETTINGS, { label: "SLA policies", path: "settings/sla" }],
  },
  value: {
    title: "Customer value",
    means:
      "Whether the customers the partner serves grow in value, and how little of it the partner's incidents put at risk.",
    computed:
      "The mean of: growth of equity served vs last month (0% → 50, ±20% → 100 or 0) and 100 − 5 × the share of equity served that is at risk.",
    settings: [SCORECARD_SETTINGS, VALUE_SETTINGS],
  },
  engagement: {
    title: "Partner engagement",
    means: "How the partner's people feel about working with you (partner engagement drives customer engagement).",
    computed:
      "The quarterly partner survey: the mean answer to communication, fairness, tools and support (1 → 0, 5 → 100). No answer = no data.",
    settings: [SCORECARD_SETTINGS],
  },
  incentiveTier: {
    title: "Incentive tier",
    means:
      "The partner's standing in your incentive programme (e.g. Platinum to Watch), earned by customer experience and customer value, not sales volume.",
    computed:
      "Each published month's score falls in a band (the best tier whose minimum score it reaches). The tier moves to a new band only after the score stayed in it for the set number of consecutive published months, so one good or bad month does not move it. A new partner starts in the band of its first scored month.",
    settings: [INCENTIVE_SETTINGS],
  },
  incentivePayout: {
    title: "Bonus payout",
    means: "The partner's share of the month's bonus pool, in the workspace currency.",
    computed:
      "Partners at or above the floor score that served customer equity share the pool in proportion to score × equity served. Shares are rounded to the cent so that they add up exactly to the pool (the leftover cents go to the largest remainders). Approved months are frozen: later rule changes or republishing do not change them.",
    settings: [INCENTIVE_SETTINGS],
  },
  inboxRisk: {
    title: "Severity × equity at risk",
    means: "How much an open incident threatens your customer equity, weighted by how severe it is.",
    computed:
      "Equity at risk of the incident (CLV of the affected customers × the churn probability after a bad experience) × a severity weight: critical 4, high 3, medium 2, low 1. Incidents with no value yet (no recompute) come last, by deadline.",
    settings: [VALUE_SETTINGS],
  },
} as const satisfies Record<string, HelpEntry>;

export type MetricHelpKey = keyof typeof METRIC_HELP;
