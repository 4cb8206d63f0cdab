/**
 * Editing an experience standard. Assessments are measured against one version of a standard,
 * so once a standard has assessments, a change to anything that affects measurement makes a
 * new version (same lineage, version + 1) and the old one stops being current. Cosmetic edits
 * (name, description), and any edit of a never-assessed standard, are made in place.
 */

import { validateStandardDefinition, type Comparator, type MetricKind } from "@/lib/standards/evaluate";

export const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;
export type Severity = (typeof SEVERITIES)[number];

interface StandardFields {
  name: string;
  description: string | null;
  metricKind: MetricKind;
  comparator: Comparator;
  target: number;
  unit: string | null;
  weight: number;
  severity: Severity;
  touchpointId: string;
}

export interface StandardVersion extends StandardFields {
  id: string;
  lineageId: string;
  version: number;
  isCurrent: boolean;
}

/** Fields left undefined are unchanged. */
export type StandardEdit = Partial<StandardFields>;

export type StandardField = keyof StandardFields;

export const MEASUREMENT_FIELDS = [
  "metricKind",
  "comparator",
  "target",
  "unit",
  "weight",
  "severity",
  "touchpointId",
] as const satisfies readonly StandardField[];

const COSMETIC_FIELDS = ["name", "description"] as const satisfies readonly StandardField[];

const ALL_FIELDS: readonly StandardField[] = [...COSMETIC_FIELDS, ...MEASUREMENT_FIELDS];

export type StandardEditPlan =
  | {
      kind: "in-place";
      /** Row to update. */
      id: string;
      /** Only the changed fields (empty when nothing changed). */
      patch: Partial<StandardFields>;
      changedFields: StandardField[];
    }
  | {
      kind: "new-version";
      lineageId: string;
      /** current.version + 1 */
      version: number;
      /** The version being replaced: set isCurrent = false on it. */
      supersedesId: string;
      /** The complete fields of the new version (current fields with the edit applied), isCurrent = true. */
      data: StandardFields;
      changedFields: StandardField[];
      /** The measurement-relevant fields among changedFields (at least one). */
      measurementChanges: StandardField[];
    };

export class StandardEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StandardEditError";
  }
}

/** Empty or blank optional text is stored as null. */
function normalizeOptionalText(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}

/** Only the StandardFields (no id / lineage / version), with text normalized. */
function normalize(fields: StandardFields): StandardFields {
  return {
    name: fields.name.trim(),
    description: normalizeOptionalText(fields.description),
    metricKind: fields.metricKind,
    comparator: fields.comparator,
    target: fields.target,
    unit: normalizeOptionalText(fields.unit),
    weight: fields.weight,
    severity: fields.severity,
    touchpointId: fields.touchpointId,
  };
}

function isMeasurementField(field: StandardField): boolean {
  return (MEASUREMENT_FIELDS as readonly string[]).includes(field);
}

/**
 * Decide how to apply `edit` to the current version of a standard.
 * Throws StandardEditError when `current` is not the current version, the name is blank,
 * or the resulting target definition is invalid (e.g. a pass/fail standard that is not "GTE 1").
 */
export function planStandardEdit(
  current: StandardVersion,
  edit: StandardEdit,
  hasAssessments: boolean,
): StandardEditPlan {
  if (!current.isCurrent) {
    throw new StandardEditError(
      `Only the current version of a standard can be edited (version ${current.version} has been superseded)`,
    );
  }
  const before = normalize(current);
  const defined = Object.fromEntries(
    Object.entries(edit).filter(([k, v]) => v !== undefined && (ALL_FIELDS as readonly string[]).includes(k)),
  ) as Partial<StandardFields>;
  const after = normalize({ ...before, ...defined });

  if (!after.name) throw new StandardEditError("A standard needs a name");
  const definitionError = validateStandardDefinition(after);
  if (definitionError) throw new StandardEditError(definitionError);

  const changedFields = ALL_FIELDS.filter((f) => before[f] !== after[f]);
  const measurementChanges = changedFields.filter(isMeasurementField);

  if (hasAssessments && measurementChanges.length > 0) {
    return {
      kind: "new-version",
      lineageId: current.lineageId,
      version: current.version + 1,
      supersedesId: current.id,
      data: after,
      changedFields,
      measurementChanges,
    };
  }
  const patch: Partial<StandardFields> = {};
  for (const f of changedFields) (patch as Record<string, unknown>)[f] = after[f];
  return { kind: "in-place", id: current.id, patch, changedFields };
}
