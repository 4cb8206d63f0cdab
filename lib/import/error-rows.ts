/** How many rows of an import failed: a row with two bad fields is one row, not two errors. */
export function rowsWithErrors(errors: readonly { row: number }[]): number {
  return new Set(errors.map((e) => e.row)).size;
}
