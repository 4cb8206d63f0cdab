import type { BenchScenario } from "./types";
import { inboxScenario } from "./inbox";

// Every benchmark scenario, in the order `npm run bench` runs them. Each issue adds its own file.
export const SCENARIOS: BenchScenario[] = [inboxScenario];
