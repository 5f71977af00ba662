import type { TFunction } from 'i18next';

/**
 * A length of time in its largest sensible unit ("90 s", "5 min"; "90 秒", "5 分钟"), the same
 * steps as core's duration() so the app and the CLI round alike; the unit words are the catalogue's.
 */
export function durationText(t: TFunction, ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const [n, unit] = s < 120 ? [s, 's'] : s < 7200 ? [Math.round(s / 60), 'min'] : s < 172800 ? [Math.round(s / 3600), 'h'] : [Math.round(s / 86400), 'd'];
  return t(`monitor.time.${unit}`, { n });
}

/** "12 s ago" / "12 秒前". */
export const agoText = (t: TFunction, ms: number): string => t('monitor.time.ago', { duration: durationText(t, ms) });
