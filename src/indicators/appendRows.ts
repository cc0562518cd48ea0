/** Append many rows without spreading them as call arguments (spreads overflow the stack at ~100k). */
export function appendRows<T>(target: T[], more: readonly T[]): T[] {
  for (let i = 0; i < more.length; i++) target.push(more[i]);
  return target;
}
