// Array parameters in PostgreSQL's binary format, for statements that send hundreds of thousands of values as one
// parameter (the recompute's snapshot write). pg sends a Buffer parameter as binary: the server then copies each
// element instead of parsing text (no float8 read back from decimal digits, no quoting), and building the buffer is a
// few milliseconds where a text literal took 0.5 s of the event loop for 200,000 snapshots (pg's own conversion of a
// JavaScript array, 1.0-1.2 s). The statement casts the parameter to its type (`$1::float8[]`), which is what the
// server decodes it as.

const FLOAT8_OID = 701;
const TEXT_OID = 25;
const HEADER_BYTES = 20; // dimensions, has-nulls flag, element type, then the one dimension's length and lower bound

function header(buffer: Buffer, hasNulls: boolean, elementOid: number, length: number) {
  buffer.writeInt32BE(1, 0);
  buffer.writeInt32BE(hasNulls ? 1 : 0, 4);
  buffer.writeInt32BE(elementOid, 8);
  buffer.writeInt32BE(length, 12);
  buffer.writeInt32BE(1, 16);
}

/** A float8[] parameter: every number exactly as it is, NULL for a non-finite one. */
export function float8ArrayParameter(values: ArrayLike<number>): Buffer {
  const buffer = Buffer.allocUnsafe(HEADER_BYTES + values.length * 12);
  let offset = HEADER_BYTES;
  let hasNulls = false;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Number.isFinite(value)) {
      buffer.writeInt32BE(8, offset);
      buffer.writeDoubleBE(value, offset + 4);
      offset += 12;
    } else {
      buffer.writeInt32BE(-1, offset);
      offset += 4;
      hasNulls = true;
    }
  }
  header(buffer, hasNulls, FLOAT8_OID, values.length);
  return buffer.subarray(0, offset);
}

/** A text[] parameter (UTF-8, as the connection's client encoding). */
export function textArrayParameter(values: readonly string[]): Buffer {
  let bytes = HEADER_BYTES;
  for (const value of values) bytes += 4 + Buffer.byteLength(value, "utf8");
  const buffer = Buffer.allocUnsafe(bytes);
  header(buffer, false, TEXT_OID, values.length);
  let offset = HEADER_BYTES;
  for (const value of values) {
    const written = buffer.write(value, offset + 4, "utf8");
    buffer.writeInt32BE(written, offset);
    offset += 4 + written;
  }
  return buffer;
}
