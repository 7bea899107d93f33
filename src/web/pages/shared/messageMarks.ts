/**
 * Which messages of a thread to mark as new: those the server says are unread for the reader and
 * that are not marked yet. The marks stay for the visit, after the thread is marked read.
 */
export function newUnreadIds(
  items: readonly { id: string; unread: boolean }[],
  marked: ReadonlySet<string>,
): string[] {
  return items.filter((m) => m.unread && !marked.has(m.id)).map((m) => m.id);
}
