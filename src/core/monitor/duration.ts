/** "500ms", "5s", "2m", "24h", "7d", or bare seconds → milliseconds; NaN when unreadable. */
export function parseDurationMs(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(text);
  if (!m) return NaN;
  const unit = (m[2] ?? 's').toLowerCase() as 'ms' | 's' | 'm' | 'h' | 'd';
  return Math.round(Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit]);
}
