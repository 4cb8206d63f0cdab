"use client";

import { useId, useLayoutEffect, useRef, useState } from "react";
import Link from "next/link";
import { CircleHelp } from "lucide-react";
import { METRIC_HELP, type MetricHelpKey } from "@/lib/help/metrics";

/**
 * A "?" button next to a figure that opens its plain-language help below it (a disclosure: the button says
 * whether it is expanded, Escape closes it and gives focus back). Setting links appear when a workspace base
 * path is given (staff pages), not in the partner portal.
 */
export function HelpDisclosure({ topic, base }: { topic: MetricHelpKey; base?: string }) {
  const help = METRIC_HELP[topic];
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLSpanElement>(null);
  const [left, setLeft] = useState(0);
  const panelId = useId();
  // Keep the open panel inside the viewport (no sideways scroll on a phone): centre it under the button, then
  // shift it back from either edge.
  useLayoutEffect(() => {
    if (!open || !button.current || !panel.current) return;
    const anchor = button.current.getBoundingClientRect();
    const width = panel.current.offsetWidth;
    const margin = 8;
    const wanted = Math.min(
      Math.max(margin, anchor.left + anchor.width / 2 - width / 2),
      window.innerWidth - margin - width,
    );
    setLeft(wanted - anchor.left);
  }, [open]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere inside the open panel closes it; the button and panel are the interactive parts
    <span
      className="relative inline-block align-middle"
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="inline-flex size-6 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <CircleHelp className="size-4" aria-hidden />
        <span className="sr-only">What is {help.title}?</span>
      </button>
      <span
        id={panelId}
        role="region"
        aria-label={`About ${help.title}`}
        ref={panel}
        hidden={!open}
        style={{ left }}
        className="absolute top-full z-20 mt-1 block w-[min(22rem,calc(100vw-1rem))] rounded-md border border-slate-200 bg-white p-3 text-left text-xs font-normal normal-case tracking-normal text-slate-700 shadow-lg"
        data-testid={`help-${topic}`}
      >
        <span className="block font-semibold text-slate-900">{help.title}</span>
        <span className="mt-1 block">{help.means}</span>
        <span className="mt-2 block font-medium text-slate-900">How it is computed</span>
        <span className="block">{help.computed}</span>
        <span className="mt-2 block font-medium text-slate-900">What changes it</span>
        {help.settings.map((s) =>
          base ? (
            <Link key={s.path} href={`${base}/${s.path}`} className="block text-brand-700 underline">
              {s.label}
            </Link>
          ) : (
            <span key={s.path} className="block">
              {s.label} (set by the brand)
            </span>
          ),
        )}
      </span>
    </span>
  );
}
