import type { Rng } from "../../random";
import type { Base, PlannedPartner } from "../base";
import type { TouchpointSpec } from "../catalogue/journey";
import { monthStart } from "@/lib/months";
import { SIZES, addMonths, type Resolved } from "../options";

/** What every row planner reads: the options, the base plan, the root generator and the id streams. */
export type PlanContext = {
  opts: Resolved;
  base: Base;
  root: Rng;
  tenantId: string;
  now: Date;
  size: (typeof SIZES)[keyof typeof SIZES];
  /** The first of the twelve months of activity. */
  windowStart: Date;
  tenantCreatedAt: Date;
  /** Time-ordered ids from their own stream per label. */
  idStream: (label: string) => (time: Date | number) => string;
  userId: (email: string) => string;
};

export type PlannedTouchpoint = TouchpointSpec & { id: string; partners: PlannedPartner[] };

/** A partner's user (its admin or agent). */
export type PartnerUser = { id: string; email: string };

export function planContext(opts: Resolved, base: Base, root: Rng, userIds: Map<string, string>): PlanContext {
  const now = opts.asOf;
  return {
    opts,
    base,
    root,
    tenantId: opts.tenantId,
    now,
    size: SIZES[opts.scale],
    windowStart: addMonths(monthStart(now), -12),
    tenantCreatedAt: addMonths(monthStart(now), -62),
    idStream: (label) => {
      const r = root.fork(`ids:${label}`);
      return (time) => r.uuid(typeof time === "number" ? time : time.getTime());
    },
    userId: (email) => {
      const id = userIds.get(email);
      if (!id) throw new Error(`No user id for ${email}`);
      return id;
    },
  };
}

/** The partners of `list` operating at time t. */
export const operatingAt = (list: PlannedPartner[], t: Date) =>
  list.filter((p) => p.operatingFrom!.getTime() <= t.getTime() && t.getTime() < p.operatingTo!.getTime());
