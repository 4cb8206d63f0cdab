import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { QUEUES, type QueueDefinition } from "@/lib/jobs/queues";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

const period = (name: keyof typeof QUEUES) => (QUEUES[name] as QueueDefinition).everyMs?.();

describe("periodic job periods", () => {
  it("sweeps escalations twice per configured interval, so a breach escalates within one interval", () => {
    vi.stubEnv("STEWARD_SWEEP_INTERVAL_MS", "10000");
    resetEnvCache();
    expect(period("incidents.escalation-sweep")).toBe(5_000);
    vi.stubEnv("STEWARD_SWEEP_INTERVAL_MS", undefined);
    resetEnvCache();
    expect(period("incidents.escalation-sweep")).toBe(15_000);
  });

  it("keeps the millisecond and never goes below half a second", () => {
    vi.stubEnv("STEWARD_SWEEP_INTERVAL_MS", "2501");
    vi.stubEnv("STEWARD_WEBHOOK_INTERVAL_MS", "2500");
    vi.stubEnv("STEWARD_MAIL_INTERVAL_MS", "500");
    resetEnvCache();
    expect(period("incidents.escalation-sweep")).toBe(1_251);
    expect(period("webhooks.dispatch")).toBe(2_500);
    expect(period("mail.deliver")).toBe(500);
    vi.stubEnv("STEWARD_SWEEP_INTERVAL_MS", "600");
    resetEnvCache();
    expect(period("incidents.escalation-sweep")).toBe(500);
  });
});
