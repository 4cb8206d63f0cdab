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
  label: "Value settings (model, expected-purchases horizon, discount rate, churn after a bad experience)",
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
      "Basis: the customer's whole lifetime, discounted at the workspace's rate. BG/NBD model (default): how often and how recently the customer bought gives the purchases to expect month by month; Gamma-Gamma gives the margin per purchase; both are fitted to all your customers, then discounted and summed until at least 95 % of the lifetime value is counted (the rest is proven smaller; at most 100 years). Retention model: margin × retention ÷ (1 + discount rate − retention), which is lifetime by construction. The horizon setting only sets the \"expected purchases\" column.",
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
      "For each incident in the window named next to the figure: the CLV of the affected customer (or the average CLV when none is named) × customers affected × the probability that such a customer stops buying after a bad experience. That probability is the survey figure in the value settings (66 % B2B, 52 % B2C by default) or, when a steward chose it on the Defection page, the rate measured from your own customers; the basis is named next to the figure.",
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
  planProgress: {
    title: "Plan progress",
    means:
      "How far the partner is with a corrective-action plan: actions marked done out of all its actions, and how many open actions are past their due date.",
    computed:
      "Done counts actions the partner marked done (verified or awaiting verification). An open action is overdue from the day after its due date; the partner's admins and the action's owner are told then, the plan's channel manager 3 days later.",
    settings: [SCORECARD_SETTINGS],
  },
  metricMovement: {
    title: "Metric movement",
    means:
      "Whether the score or standard an action should move has moved since the plan opened: its baseline, its latest published value, and the target.",
    computed:
      "Baseline: the value on the scorecard the plan was opened from (or the latest published one). Latest: the partner's newest published scorecard from the plan's opening month on, or the newest verified assessment of the standard. The share is (latest − baseline) ÷ (target − baseline).",
    settings: [SCORECARD_SETTINGS],
  },
  measuredDefection: {
    title: "Measured defection",
    means:
      "Of the customers who would have bought again, the share who did not because they had an incident: what a bad experience costs you in your own data, next to the survey's 66 % B2B and 52 % B2C.",
    computed:
      "Each customer's first incident in the year shown is compared with customers of the same segment, the same month, the same number of purchases in the year before (0, 1, 2, 3–5, 6+) and the same time since their last purchase (≤ 30, 31–90, 91–180, 181–365 days, longer or never) who had no incident. 1 − (share of incident customers who bought again in the window ÷ the same share of the comparison customers). The range is a 95 % bootstrap interval (1,000 resamples).",
    settings: [VALUE_SETTINGS],
  },
  goodServiceUplift: {
    title: "Good-service uplift",
    means:
      "How much more likely customers are to buy again after a good interaction (CSAT 4–5 or NPS 9–10) than comparable customers without one, next to the survey's 62 % B2B and 42 % B2C who bought more.",
    computed:
      "The same matching as measured defection, with the customer's first good interaction as the date: (share who bought again ÷ the comparison customers' share) − 1, and the share who spent more in the window after than in the window before.",
    settings: [VALUE_SETTINGS],
  },
  funnelReached: {
    title: "Customers reached",
    means:
      "How many different customers had at least one experience at a touchpoint of this stage in the month: the width of the funnel at that stage.",
    computed:
      "Distinct named customers among the month's interactions at the stage's touchpoints. Interactions without a named customer count in the interactions column only.",
    settings: [{ label: "Touchpoints (which stage each belongs to)", path: "touchpoints" }],
  },
  funnelConversion: {
    title: "Conversion to the next stage",
    means:
      "How many of the customers reached at this stage went on to the next one (attract → connect → engage → convert → a purchase).",
    computed:
      "Of the customers reached at the stage in the month, the share with an interaction at a touchpoint of the next stage (for convert: a purchase) within 30 days of their first interaction at this stage in the month. The latest month can still rise for 30 days.",
    settings: [{ label: "Touchpoints (which stage each belongs to)", path: "touchpoints" }],
  },
  feedback: {
    title: "Customer feedback (CSAT and NPS)",
    means:
      "What customers said right after a moment of truth. CSAT: how satisfied they were, 1 (very dissatisfied) to 5 (very satisfied). NPS: the share of promoters (9–10 on “would you recommend us?”) minus the share of detractors (0–6), from −100 to +100.",
    computed:
      "Each answer sets the CSAT and NPS of the interaction it is about, so the month's scorecard (customer experience) counts it at its next recompute. Averages here are over the answers received, per partner and touchpoint.",
    settings: [],
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
