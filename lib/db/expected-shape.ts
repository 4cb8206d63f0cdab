import { readFileSync } from "node:fs";
import { join } from "node:path";
import { shapeFromDatamodel, type Datamodel } from "./schema-shape";

/** The shape prisma/schema.prisma describes, from the DMMF that `prisma generate` dumps. */
export function expectedShape() {
  const path = join(process.cwd(), "generated", "dmmf.json");
  return shapeFromDatamodel(JSON.parse(readFileSync(path, "utf8")) as Datamodel);
}
