import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";

// The embedded database serves several connections (web server, job worker, worker thread) on one PGlite
// session. Statements of different connections must never interleave inside a Parse/Bind/Execute batch or a
// transaction: with pglite-socket's server, a Bind met another connection's statement ("bind message supplies
// 3 parameters, but prepared statement requires 2") and the web server crashed.

let embedded: EmbeddedDatabase;
const pools: pg.Pool[] = [];
beforeAll(async () => {
  embedded = await startEmbeddedDatabase();
  for (let i = 0; i < 3; i++) pools.push(new pg.Pool({ connectionString: embedded.url, max: 2 }));
}, 60_000);
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await embedded?.stop();
});

describe("the embedded database's socket server", () => {
  it("answers concurrent parameterised statements of several connections, each with its own parameters", async () => {
    const big = "x".repeat(200_000); // a Bind message larger than one socket read
    const queries = Array.from({ length: 120 }, async (_, i) => {
      const pool = pools[i % pools.length];
      if (i % 3 === 0) return (await pool.query("select $1::int + $2::int as v", [i, 1])).rows[0].v === i + 1;
      if (i % 3 === 1)
        return (
          (await pool.query("select length($1::text) + $2::int + $3::int as v", [big, i, 0])).rows[0].v ===
          big.length + i
        );
      return (await pool.query("select $1::text as v", [`q${i}`])).rows[0].v === `q${i}`;
    });
    expect((await Promise.all(queries)).every(Boolean)).toBe(true);
  });

  it("keeps a transaction's statements together: no other connection runs inside it", async () => {
    const transaction = async (pool: pg.Pool, n: number) => {
      const client = await pool.connect();
      try {
        await client.query("begin");
        await client.query("select set_config('app.tenant_id', $1, true)", [`tenant-${n}`]);
        await new Promise((r) => setTimeout(r, 5));
        const { rows } = await client.query("select current_setting('app.tenant_id', true) as t");
        await client.query("commit");
        return rows[0].t === `tenant-${n}`;
      } finally {
        client.release();
      }
    };
    const outside = async (pool: pg.Pool) =>
      (await pool.query("select current_setting('app.tenant_id', true) as t")).rows[0].t;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 2 ? transaction(pools[i % 3], i) : outside(pools[i % 3]).then((t) => !t),
      ),
    );
    expect(results.every(Boolean)).toBe(true);
  });

  it("rolls back the open transaction of a connection that went away, and serves the others", async () => {
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    await client.query("begin");
    await client.query("create table left_open (id int)");
    await client.end();
    const { rows } = await pools[0].query("select to_regclass('left_open') as t");
    expect(rows[0].t).toBeNull();
  });
});
