/**
 * Escalation ladder: level 1 the partner, level 2 the brand's channel manager, level 3 an executive.
 * A missed acknowledgement raises an incident to at least level 2; a missed resolution to level 3.
 */

import type { SlaClock } from "@/lib/incidents/sla-clock";

export type EscalationLevel = 1 | 2 | 3;
type EscalationReason = "ACK_BREACH" | "RESOLVE_BREACH";

export const ESCALATION_LEVEL_LABELS: Record<EscalationLevel, string> = {
  1: "Partner",
  2: "Channel manager",
  3: "Executive",
};

type Breaches = Pick<SlaClock, "ackBreached" | "resolveBreached">;

function clampLevel(n: number): EscalationLevel {
  if (!Number.isFinite(n) || n <= 1) return 1;
  return n >= 3 ? 3 : (Math.floor(n) as EscalationLevel);
}

/**
 * The level the incident should be at: 1, ≥ 2 after an ack breach, 3 after a resolve breach.
 * With `currentLevel`, never lower than it (escalations are not undone), capped at 3.
 */
export function targetEscalationLevel(clock: Breaches, currentLevel: number = 1): EscalationLevel {
  const byBreach = clock.resolveBreached ? 3 : clock.ackBreached ? 2 : 1;
  return clampLevel(Math.max(byBreach, clampLevel(currentLevel)));
}

export interface DueEscalation {
  level: EscalationLevel;
  reason: EscalationReason;
}

/**
 * The escalation rows to create to go from `currentLevel` to the target, one per level
 * (levels skipped on the way are included, so every rung of the ladder is notified).
 * Level 2 is an ACK_BREACH when the acknowledgement was missed, otherwise a RESOLVE_BREACH.
 */
export function escalationsDue(clock: Breaches, currentLevel: number = 1): DueEscalation[] {
  const from = clampLevel(currentLevel);
  const to = targetEscalationLevel(clock, from);
  const due: DueEscalation[] = [];
  for (let level = from + 1; level <= to; level++) {
    const reason: EscalationReason = level === 2 && clock.ackBreached ? "ACK_BREACH" : "RESOLVE_BREACH";
    due.push({ level: level as EscalationLevel, reason });
  }
  return due;
}
