"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import type { InboxViewItem } from "@/lib/incidents/inbox-views";
import type { ActionProp } from "@/components/forms/action-prop";
import { fieldError, formError } from "@/components/forms/errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormMessage, inputClass } from "@/components/ui/field";

type ViewActions = {
  create: ActionProp<{ tenantSlug: string; name: string; query: string; shared: boolean }, { name: string }>;
  rename: ActionProp<{ tenantSlug: string; viewId: string; name: string }>;
  remove: ActionProp<{ tenantSlug: string; viewId: string }>;
};

/** The member's saved inbox views and those shared with the workspace, next to the inbox; save, rename, delete. */
export function SavedViews({
  tenantSlug,
  base,
  views,
  currentQuery,
  actions,
}: {
  tenantSlug: string;
  base: string;
  views: InboxViewItem[];
  /** The inbox's current filter/sort query (what "Save view" stores). */
  currentQuery: string;
  /** Absent for read-only members: they use the shared views but do not save their own. */
  actions?: ViewActions;
}) {
  return (
    <Card className="space-y-4 p-4" data-testid="saved-views">
      <h2 className="text-sm font-semibold">Saved views</h2>
      {views.length === 0 ? (
        <p className="text-sm text-slate-600">
          No saved views yet.{actions ? " Filter the inbox, then save it here." : ""}
        </p>
      ) : (
        <ul className="space-y-2 text-sm">
          {views.map((v) => (
            <ViewRow key={v.id} tenantSlug={tenantSlug} base={base} view={v} actions={v.mine ? actions : undefined} />
          ))}
        </ul>
      )}
      {actions && <SaveViewForm tenantSlug={tenantSlug} query={currentQuery} action={actions.create} />}
    </Card>
  );
}

function ViewRow({
  tenantSlug,
  base,
  view,
  actions,
}: {
  tenantSlug: string;
  base: string;
  view: InboxViewItem;
  actions?: ViewActions;
}) {
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(view.name);
  const rename = useAction(actions?.rename ?? noop, {
    onSuccess: () => {
      setRenaming(false);
      router.refresh();
    },
  });
  const remove = useAction(actions?.remove ?? noop, { onSuccess: () => router.refresh() });
  return (
    <li className="space-y-1" data-testid="saved-view">
      <div className="flex flex-wrap items-center gap-2">
        <Link className="font-medium text-brand-700 underline" href={view.query ? `${base}?${view.query}` : base}>
          {view.name}
        </Link>
        {view.shared && <Badge tone="blue">{view.mine ? "shared" : `shared by ${view.owner}`}</Badge>}
      </div>
      {actions && !renaming && (
        <div className="flex flex-wrap gap-2">
          <Button
            variant="ghost"
            className="px-2 py-0.5 text-xs"
            onClick={() => setRenaming(true)}
            aria-label={`Rename ${view.name}`}
          >
            Rename
          </Button>
          <ConfirmDialog
            trigger={`Delete ${view.name}`}
            triggerText="Delete"
            title={`Delete the view “${view.name}”?`}
            description={
              view.shared
                ? "It disappears for everyone it is shared with. The incidents are not changed."
                : "The incidents are not changed."
            }
            confirmLabel="Delete view"
            onConfirm={() => remove.execute({ tenantSlug, viewId: view.id })}
            pending={remove.isPending}
          />
        </div>
      )}
      {renaming && (
        <Form
          aria-label={`Rename ${view.name}`}
          className="space-y-2"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            rename.execute({ tenantSlug, viewId: view.id, name });
          }}
        >
          <FormMessage>{formError(rename.result)}</FormMessage>
          <Field label="New name" error={fieldError(rename.result, "name")}>
            {(p) => <input {...p} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <div className="flex gap-2">
            <Button type="submit" className="px-2.5 py-1 text-xs" pending={rename.isPending}>
              Save name
            </Button>
            <Button type="button" variant="ghost" className="px-2.5 py-1 text-xs" onClick={() => setRenaming(false)}>
              Cancel
            </Button>
          </div>
        </Form>
      )}
      <FormMessage>{formError(remove.result)}</FormMessage>
    </li>
  );
}

function SaveViewForm({
  tenantSlug,
  query,
  action,
}: {
  tenantSlug: string;
  query: string;
  action: ViewActions["create"];
}) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const create = useAction(action, {
    onSuccess: () => {
      setName("");
      setShared(false);
      router.refresh();
    },
  });
  return (
    <Form
      aria-label="Save this view"
      className="space-y-2 border-t border-slate-100 pt-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        create.execute({ tenantSlug, name, query, shared });
      }}
    >
      <FormMessage>{formError(create.result)}</FormMessage>
      {create.result.data && <FormMessage tone="success">Saved “{create.result.data.name}”.</FormMessage>}
      <Field label="Save the current filters as" error={fieldError(create.result, "name")}>
        {(p) => (
          <input
            {...p}
            className={inputClass}
            placeholder="e.g. Critical at risk"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
        Share with the workspace
      </label>
      <Button type="submit" className="px-2.5 py-1 text-xs" pending={create.isPending}>
        Save view
      </Button>
    </Form>
  );
}

const noop = (async () => ({})) as never;
