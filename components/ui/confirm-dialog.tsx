"use client";

import { AlertDialog } from "radix-ui";
import { Button, buttonClass } from "./button";

type Props = {
  trigger: string;
  /** A shorter visible trigger text where space is tight; `trigger` stays its accessible name. */
  triggerText?: string;
  /** "danger" for what cannot be undone; "primary" for a heavy but harmless action (a recompute). */
  tone?: "danger" | "primary";
  title: string;
  description: string;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
};

/** Asks before a destructive action; Escape or Cancel backs out, focus stays in the dialog. */
export function ConfirmDialog({
  trigger,
  triggerText,
  tone = "danger",
  title,
  description,
  confirmLabel,
  onConfirm,
  pending,
}: Props) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <Button
          variant="secondary"
          className="whitespace-nowrap px-2.5 py-1 text-xs"
          pending={pending}
          aria-label={triggerText ? trigger : undefined}
        >
          {triggerText ?? trigger}
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,90vw)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <AlertDialog.Title className="text-base font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">{description}</AlertDialog.Description>
          <div className="mt-6 flex justify-end gap-2">
            <AlertDialog.Cancel className={buttonClass("secondary")}>Cancel</AlertDialog.Cancel>
            <AlertDialog.Action className={buttonClass(tone)} onClick={onConfirm}>
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
