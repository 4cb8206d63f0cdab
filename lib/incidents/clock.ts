import type { Incident } from "@/generated/prisma/client";
import { clockFactsFromRecord, computeSlaClock, type SlaClock } from "@/lib/incidents/sla-clock";
import type { SlaContext } from "@/lib/incidents/sla-policies";

type ClockRow = Pick<
  Incident,
  "openedAt" | "acknowledgedAt" | "resolvedAt" | "pausedMinutes" | "pausedAt" | "extraMinutes"
>;

/** The incident's SLA clock as of `now`, from its stored row and its policy. */
export function incidentClock(row: ClockRow, sla: SlaContext, now: Date): SlaClock {
  return computeSlaClock(clockFactsFromRecord(row), sla.policy, now, sla.calendar);
}

/** The stored deadline columns that follow from the clock (nextDueAt drives the inbox and the sweep). */
export function deadlineColumns(clock: SlaClock) {
  return { ackDueAt: clock.ackDueAt, resolveDueAt: clock.resolveDueAt, nextDueAt: clock.nextDueAt };
}
