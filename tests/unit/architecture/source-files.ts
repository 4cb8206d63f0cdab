import { readdirSync } from "node:fs";
import path from "node:path";

export const repositoryRoot = path.resolve(__dirname, "../../..");

/** The source files under a folder of the repository, as paths relative to its root. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(repositoryRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(entry.name) ? [relative] : [];
  });
}
