"use client";

import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { markNotificationsReadAction } from "./actions";

export function MarkReadButton({ tenantSlug }: { tenantSlug: string }) {
  const { execute, isPending } = useAction(markNotificationsReadAction);
  return (
    <Button variant="secondary" pending={isPending} onClick={() => execute({ tenantSlug })}>
      Mark all as read
    </Button>
  );
}
