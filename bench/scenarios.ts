import type { BenchScenario } from "./types";
import { inboxScenario } from "./inbox";
import { partnerNetworkScenario } from "./partner-network";
import { valueScenario } from "./value";
import { importScenario } from "./import";
import { scorecardsScenario } from "./scorecards";
import { apiWritesScenario } from "./api-writes";
import { responsivenessScenario } from "./responsiveness";
import { escalationScenario } from "./escalation";
import { defectionScenario } from "./defection";
import { funnelScenario } from "./funnel";

// Every benchmark scenario, in the order `npm run bench` runs them. Each issue adds its own file.
export const SCENARIOS: BenchScenario[] = [
  partnerNetworkScenario,
  inboxScenario,
  valueScenario,
  scorecardsScenario,
  funnelScenario,
  importScenario,
  apiWritesScenario,
  responsivenessScenario,
  escalationScenario,
  defectionScenario,
];
