// Drafts the SQL of a new migration: the difference between prisma/schema.prisma and what the
// existing migrations build. Review it, add RLS/grants for new tenant tables, then save it as
// prisma/migrations/<timestamp>_<name>/migration.sql.
import { PGlite } from "@electric-sql/pglite";
import { migrate } from "../lib/db/migrator";
import { pgliteConnection } from "../lib/db/pglite-connection";
import { shapeFromDatabase } from "../lib/db/schema-shape";
import { migrationSql } from "../lib/db/schema-sql";
import { expectedShape } from "../lib/db/expected-shape";

const db = await PGlite.create();
const connection = pgliteConnection(db);
await migrate(connection);
const actual = await shapeFromDatabase(connection);
const sql = migrationSql(expectedShape(), actual);
process.stdout.write(sql.trim() ? sql : "-- the schema and the migrations agree\n");
await db.close();
