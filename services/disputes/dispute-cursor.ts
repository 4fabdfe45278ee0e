/** Keyset cursors for dispute lists: `<createdAt ms>_<id>`. */
export function encodeDisputeCursor(row: { createdAt: Date; id: string }): string {
  return `${String(row.createdAt.getTime()).padStart(13, "0")}_${row.id}`;
}

export function decodeDisputeCursor(cursor: string): { createdAt: Date; id: string } {
  const [ms, id] = cursor.split("_");
  return { createdAt: new Date(Number(ms)), id: id! };
}
