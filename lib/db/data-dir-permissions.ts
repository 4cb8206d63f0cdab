import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

// The embedded database's folder holds the WAL (e-mails, password hashes) and the catalog (row-level
// security policies): only the app's own user may read or write it (issue 13, finding 4). New folders
// are created 0700, files are written under a 0077 umask, and a folder left open by an older version
// is tightened at start. PGlite sets 0666 on the files it writes itself (its Emscripten file system
// chmods them, whatever the umask), so the embedded database tightens its folder again once it is
// open; files it adds later sit inside folders that others cannot enter.

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;
const OPEN_TO_OTHERS = 0o077;

/**
 * Makes `dir` (and everything in it) private to this user, saying so on stderr when it had to
 * tighten anything; returns how many files and folders it tightened.
 */
export function secureDataDir(dir: string, { quiet = false } = {}): number {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
    chmodSync(dir, PRIVATE_DIR); // mkdir's mode is itself masked by the umask
    return 0;
  }
  const tightened = tighten(dir);
  if (tightened > 0 && !quiet)
    console.warn(
      `Data folder ${dir}: made private to this user (${tightened} file(s) and folder(s) were open to others)`,
    );
  return tightened;
}

function tighten(path: string): number {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return 0;
  let changed = 0;
  if ((stat.mode & OPEN_TO_OTHERS) !== 0) {
    // folders rwx for the owner only; files keep the owner's own bits (at least read-write), others lose all
    const ownerBits = stat.mode & 0o700;
    chmodSync(path, stat.isDirectory() ? PRIVATE_DIR : ownerBits | PRIVATE_FILE);
    changed++;
  }
  if (stat.isDirectory()) for (const entry of readdirSync(path)) changed += tighten(join(path, entry));
  return changed;
}

/** Files this process creates from now on are private to its user (PGlite writes through node:fs). */
export function applyPrivateUmask() {
  try {
    process.umask(0o077);
  } catch {
    // worker threads cannot change the umask; the folder's 0700 still keeps others out
  }
}
