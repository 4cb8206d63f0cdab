"use client";

import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { formError } from "@/components/forms/errors";
import type { PresetType } from "@/lib/onboarding/presets";
import { applyPresetAction } from "./actions";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function PresetButton({ tenantSlug, preset, label }: { tenantSlug: string; preset: PresetType; label: string }) {
  const { execute, result, isPending } = useAction(applyPresetAction);
  const error = formError(result);
  const done = result.data;
  return (
    <div className="space-y-1">
      <Button
        variant="secondary"
        pending={isPending}
        onClick={() => execute({ tenantSlug, preset })}
        data-testid={`preset-${preset}`}
      >
        Create {label.toLowerCase()} preset
      </Button>
      <p className="min-h-4 text-xs" role="status" aria-live="polite">
        {error ? (
          <span className="text-red-700">{error}</span>
        ) : done ? (
          <span className="text-slate-700">
            Created {plural(done.touchpoints, "touchpoint")} and {plural(done.standards, "standard")}
            {done.assignments > 0 ? `; ${plural(done.assignments, "partner assignment")}` : ""}.
          </span>
        ) : null}
      </p>
    </div>
  );
}
