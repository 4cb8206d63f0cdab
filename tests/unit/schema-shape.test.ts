import { describe, expect, it } from "vitest";
import { diffShapes, shapeFromDatamodel, type Datamodel } from "@/lib/db/schema-shape";
import { expectedShape } from "@/lib/db/expected-shape";

// The drift test trusts diffShapes to notice every kind of disagreement: prove it notices each.
describe("schema drift detection", () => {
  const clone = () => structuredClone(expectedShape());

  it("finds nothing between a shape and itself", () => {
    expect(diffShapes(expectedShape(), clone())).toEqual([]);
  });

  it("reports a missing table, column, type, nullability, default, index, unique, foreign key and enum value", () => {
    const actual = clone();
    delete actual.tables.Job;
    delete actual.tables.Partner.columns.region;
    actual.tables.Incident.columns.title.type = "varchar(100)";
    actual.tables.Incident.columns.rootCause.nullable = false;
    actual.tables.Incident.columns.status.default = "'CLOSED'";
    actual.tables.Incident.indexes = actual.tables.Incident.indexes.filter(
      (i) => i.join() !== "tenantId,status,nextDueAt",
    );
    actual.tables.Partner.uniques = [];
    actual.tables.Interaction.foreignKeys = actual.tables.Interaction.foreignKeys.filter(
      (f) => f.refTable !== "Partner",
    );
    actual.enums.Severity = ["CRITICAL", "HIGH", "MEDIUM"];
    actual.tables.Extra = { columns: {}, primaryKey: [], uniques: [], indexes: [], foreignKeys: [] };
    const diff = diffShapes(expectedShape(), actual);
    expect(diff).toEqual(
      expect.arrayContaining([
        "table Job is missing",
        "Partner.region is missing",
        "Incident.title: type text expected, found varchar(100)",
        "Incident.rootCause: nullable expected, found the opposite",
        "Incident.status: default 'OPEN' expected, found 'CLOSED'",
        "Incident: index (tenantId, status, nextDueAt) is missing",
        "Partner: unique (tenantId, name) is missing",
        "Interaction: foreign key (tenantId,partnerId) -> Partner(tenantId,id) on delete RESTRICT on update CASCADE is missing",
        "enum Severity: expected [CRITICAL,HIGH,MEDIUM,LOW] but found [CRITICAL,HIGH,MEDIUM]",
        "table Extra exists but is not in the schema",
      ]),
    );
  });

  it("reads composite ids, defaults and relations from the Prisma data model", () => {
    const dm: Datamodel = {
      enums: [{ name: "Kind", values: [{ name: "A" }, { name: "B" }] }],
      indexes: [{ model: "Child", type: "id", fields: [{ name: "tenantId" }, { name: "id" }] }],
      models: [
        {
          name: "Parent",
          dbName: null,
          fields: [
            {
              name: "id",
              kind: "scalar",
              isList: false,
              isRequired: true,
              isId: true,
              isUnique: false,
              isUpdatedAt: false,
              type: "String",
            },
          ],
        },
        {
          name: "Child",
          dbName: null,
          fields: [
            {
              name: "tenantId",
              kind: "scalar",
              isList: false,
              isRequired: true,
              isId: false,
              isUnique: false,
              isUpdatedAt: false,
              type: "String",
            },
            {
              name: "id",
              kind: "scalar",
              isList: false,
              isRequired: true,
              isId: false,
              isUnique: false,
              isUpdatedAt: false,
              type: "String",
              default: { name: "uuid", args: [7] },
            },
            {
              name: "kind",
              kind: "enum",
              isList: false,
              isRequired: true,
              isId: false,
              isUnique: false,
              isUpdatedAt: false,
              type: "Kind",
              default: "A",
            },
            {
              name: "at",
              kind: "scalar",
              isList: false,
              isRequired: true,
              isId: false,
              isUnique: false,
              isUpdatedAt: false,
              type: "DateTime",
              default: { name: "now", args: [] },
            },
            {
              name: "parent",
              kind: "object",
              isList: false,
              isRequired: true,
              isId: false,
              isUnique: false,
              isUpdatedAt: false,
              type: "Parent",
              relationFromFields: ["tenantId"],
              relationToFields: ["id"],
              relationOnDelete: "Cascade",
            },
          ],
        },
      ],
    };
    const shape = shapeFromDatamodel(dm);
    expect(shape.tables.Child).toEqual({
      columns: {
        tenantId: { type: "text", nullable: false, default: null },
        id: { type: "text", nullable: false, default: null },
        kind: { type: '"Kind"', nullable: false, default: "'A'" },
        at: { type: "timestamp(3)", nullable: false, default: "CURRENT_TIMESTAMP" },
      },
      primaryKey: ["tenantId", "id"],
      uniques: [],
      indexes: [],
      foreignKeys: [
        { columns: ["tenantId"], refTable: "Parent", refColumns: ["id"], onDelete: "CASCADE", onUpdate: "CASCADE" },
      ],
    });
  });
});
