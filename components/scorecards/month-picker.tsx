"use client";

import { useEarlyInput } from "@/components/forms/early-input";
import { useRouter } from "next/navigation";
import { inputClass } from "@/components/ui/field";

/** Picks the month shown (a link per month, as ?month=YYYY-MM). */
export function MonthPicker({
  months,
  value,
  basePath,
}: {
  months: { value: string; label: string }[];
  value: string;
  basePath: string;
}) {
  const earlyInput = useEarlyInput<HTMLDivElement>();
  const router = useRouter();
  return (
    <div ref={earlyInput} className="w-56">
      <label htmlFor="month-picker" className="block text-sm font-medium text-slate-700">
        Month
      </label>
      <select
        id="month-picker"
        className={inputClass}
        value={value}
        onChange={(e) => router.push(`${basePath}?month=${e.target.value}`)}
      >
        {months.map((m) => (
          <option key={m.value} value={m.value}>
            {m.label}
          </option>
        ))}
      </select>
    </div>
  );
}
