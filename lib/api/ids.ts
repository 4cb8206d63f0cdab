import { randomBytes } from "node:crypto";

let pool = Buffer.alloc(0);
let offset = 0;

/** A UUID v7 (time-ordered), like the schema's uuid(7) defaults; ids known before a bulk insert. */
export function uuidv7(now = Date.now()): string {
  // Random bits drawn 256 ids at a time: one call into the CSPRNG per 4 KiB, not per id (bulk imports).
  if (offset + 16 > pool.length) {
    pool = randomBytes(16 * 256);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + 16));
  offset += 16;
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
