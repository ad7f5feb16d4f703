/**
 * Two teammates' edits in the same millisecond are ordered by their clocks' counters and ids, not by
 * which came first; a test that means "later" waits until the wall clock has moved on.
 */
export async function clockMovesOn(): Promise<void> {
  const start = Date.now();
  while (Date.now() <= start + 1) await new Promise((resolve) => setTimeout(resolve, 1));
}
