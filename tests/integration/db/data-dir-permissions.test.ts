import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { secureDataDir } from "@/lib/db/data-dir-permissions";

// Issue 13, finding 4: the embedded database's files (WAL with e-mails and password hashes, catalog
// with the RLS policies) are private to the app's user: folders 0700, files without group/other bits.

const root = mkdtempSync(join(tmpdir(), "steward-perms-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    if ((statSync(path).mode & 0o077) !== 0) found.push(`${path} ${mode(path).toString(8)}`);
    if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  walk(dir);
  return found;
}

describe("the embedded database's data folder", () => {
  it("is created 0700 and its files are private to this user once the database is open", async () => {
    const dataDir = join(root, "fresh", "pglite");
    const previousUmask = process.umask(0o022);
    const embedded = await startEmbeddedDatabase({ dataDir });
    try {
      expect(mode(dataDir)).toBe(0o700);
      expect(readdirSync(dataDir).length).toBeGreaterThan(5);
      expect(openToOthers(dataDir)).toEqual([]);
    } finally {
      await embedded.stop();
      process.umask(previousUmask);
    }
  }, 120_000);

  it("tightens a folder an older version left open, and says so", () => {
    const dataDir = join(root, "old");
    mkdirSync(join(dataDir, "pglite", "base"), { recursive: true });
    writeFileSync(join(dataDir, "pglite", "base", "1249"), "catalog");
    writeFileSync(join(dataDir, "pglite", "PG_VERSION"), "18");
    chmodSync(join(dataDir, "pglite", "base", "1249"), 0o666);
    chmodSync(join(dataDir, "pglite", "PG_VERSION"), 0o644);
    for (const dir of [dataDir, join(dataDir, "pglite"), join(dataDir, "pglite", "base")]) chmodSync(dir, 0o755);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);

    expect(secureDataDir(dataDir)).toBe(5);
    expect(openToOthers(dataDir)).toEqual([]);
    expect(mode(join(dataDir, "pglite"))).toBe(0o700);
    expect(mode(join(dataDir, "pglite", "base", "1249"))).toBe(0o600);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/made private to this user \(5 file\(s\) and folder\(s\)/));
    // a second start finds nothing to do and stays quiet
    expect(secureDataDir(dataDir)).toBe(0);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
