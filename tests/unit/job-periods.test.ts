import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { QUEUES, type QueueDefinition } from "@/lib/jobs/queues";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

const period = (name: keyof typeof QUEUES) => (QUEUES[name] as QueueDefinition).everySeconds?.();

describe("periodic job periods", () => {
  it("sweeps escalations twice per configured interval, so a breach escalates within one interval", () => {
    vi.stubEnv("STEWARD_SWEEP_INTERVAL_MS", "10000");
    resetEnvCache();
    expect(period("incidents.escalation-sweep")).toBe(5);
    vi.stubEnv("STEWARD_SWEEP_INTERVAL_MS", undefined);
    resetEnvCache();
    expect(period("incidents.escalation-sweep")).toBe(15);
  });

  it("keeps tenths of a second and never goes below half a second", () => {
    vi.stubEnv("STEWARD_SWEEP_INTERVAL_MS", "2500");
    vi.stubEnv("STEWARD_WEBHOOK_INTERVAL_MS", "2500");
    vi.stubEnv("STEWARD_MAIL_INTERVAL_MS", "100");
    resetEnvCache();
    expect(period("incidents.escalation-sweep")).toBe(1.3);
    expect(period("webhooks.dispatch")).toBe(2.5);
    expect(period("mail.deliver")).toBe(0.5);
  });
});
