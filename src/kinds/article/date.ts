/** An article's publication date in the user's format; null for a missing or impossible time. */
export function articleDate(epochMs: number | null): string | null {
  if (epochMs === null || !Number.isFinite(epochMs) || Math.abs(epochMs) > 8.64e15) return null;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(epochMs);
}
