import { openApiDocument } from "./openapi";

// A plain view model of the OpenAPI document for the in-app API reference page: operations
// grouped by tag, and each schema as a list of fields with a readable type.

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  pattern?: string;
  format?: string;
};

export type TypeRef = { text: string; ref?: string };
export type FieldDoc = { name: string; type: TypeRef[]; required: boolean; notes: string[] };
type ParamDoc = FieldDoc & { in: string };
type ResponseDoc = { status: string; description: string; contentType?: string; type?: TypeRef[] };
export type OperationDoc = {
  id: string;
  /** A webhook event Steward sends (path is the event name), not an endpoint it serves. */
  webhook: boolean;
  method: string;
  path: string;
  summary: string;
  description?: string;
  params: ParamDoc[];
  body?: TypeRef[];
  responses: ResponseDoc[];
};
type SchemaDoc = { name: string; description?: string; fields: FieldDoc[]; enumValues?: string[] };

const refName = (ref: string) => ref.split("/").pop()!;

/** A schema as type parts, e.g. [{text:"array of "},{text:"InteractionInput",ref:"InteractionInput"}]. */
export function typeOf(schema: JsonSchema | undefined): TypeRef[] {
  if (!schema) return [{ text: "any" }];
  if (schema.$ref) return [{ text: refName(schema.$ref), ref: refName(schema.$ref) }];
  if (schema.anyOf) return schema.anyOf.flatMap((s, i) => (i === 0 ? typeOf(s) : [{ text: " or " }, ...typeOf(s)]));
  if (schema.enum) return [{ text: `one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}` }];
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const nullable = types.includes("null");
  const main = types.filter((t) => t !== "null");
  const parts: TypeRef[] =
    main[0] === "array"
      ? [{ text: "array of " }, ...typeOf(schema.items)]
      : [{ text: main.join(" or ") || (schema.properties ? "object" : "any") }];
  if (nullable) parts.push({ text: " or null" });
  return parts;
}

function notes(schema: JsonSchema): string[] {
  const out: string[] = [];
  if (schema.description) out.push(schema.description);
  if (schema.minLength !== undefined || schema.maxLength !== undefined)
    out.push(`${schema.minLength ?? 0}–${schema.maxLength ?? "∞"} characters`);
  if (schema.minimum !== undefined || schema.maximum !== undefined)
    out.push(`${schema.minimum ?? "−∞"} to ${schema.maximum ?? "∞"}`);
  if (schema.minItems !== undefined || schema.maxItems !== undefined)
    out.push(`${schema.minItems ?? 0}–${schema.maxItems ?? "∞"} items`);
  if (schema.format) out.push(schema.format);
  if (schema.pattern) out.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

function fields(schema: JsonSchema): FieldDoc[] {
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({
    name,
    type: typeOf(s),
    required: (schema.required ?? []).includes(name),
    notes: notes(s),
  }));
}

type Doc = {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Record<string, unknown>>>;
  webhooks?: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, JsonSchema> };
};

export function apiReference() {
  const doc = openApiDocument() as unknown as Doc;
  const groups = new Map<string, OperationDoc[]>();
  const entries = [
    ...Object.entries(doc.paths).map(([path, methods]) => ({ path, methods, webhook: false })),
    ...Object.entries(doc.webhooks ?? {}).map(([path, methods]) => ({ path, methods, webhook: true })),
  ];
  for (const { path, methods, webhook } of entries) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as {
        tags?: string[];
        summary?: string;
        description?: string;
        parameters?: { name: string; in: string; required?: boolean; description?: string; schema: JsonSchema }[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
        responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
      };
      const tag = op.tags?.[0] ?? "Other";
      const entry: OperationDoc = {
        id: `${webhook ? "webhook" : method}-${path}`.replace(/[^a-z0-9]+/gi, "-").replace(/-$/, ""),
        webhook,
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? "",
        description: op.description,
        params: (op.parameters ?? []).map((p) => ({
          name: p.name,
          in: p.in,
          type: typeOf(p.schema),
          required: !!p.required,
          notes: notes({ ...p.schema, description: p.description ?? p.schema.description }),
        })),
        body: op.requestBody ? typeOf(Object.values(op.requestBody.content)[0]?.schema) : undefined,
        responses: Object.entries(op.responses)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([status, r]) => {
            const [contentType, media] = Object.entries(r.content ?? {})[0] ?? [];
            return { status, description: r.description, contentType, type: media ? typeOf(media.schema) : undefined };
          }),
      };
      groups.set(tag, [...(groups.get(tag) ?? []), entry]);
    }
  }
  const schemas: SchemaDoc[] = Object.entries(doc.components.schemas)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, s]) => ({ name, description: s.description, fields: fields(s), enumValues: s.enum?.map(String) }));
  return { info: doc.info, groups: [...groups.entries()].map(([tag, operations]) => ({ tag, operations })), schemas };
}
