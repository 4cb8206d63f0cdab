import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { GET } from "@/app/api/health/route";

let database: TestDatabase | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe("GET /api/health", () => {
  it("answers 200 with nothing but its status while the database answers", async () => {
    const answer = await GET(new Request("http://localhost/api/health"));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ status: "ok" });
  });

  it("answers 503 without the cause once the database is gone", async () => {
    await database?.close();
    database = undefined;
    const answer = await GET(new Request("http://localhost/api/health"));
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({ status: "unavailable" });
  });
});
