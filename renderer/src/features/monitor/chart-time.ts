/**
 * The chart's time axis in the reader's language. uPlot's own tick labels are English words
 * ("9am", "Jan"); these come from Intl, numeric and 24-hour like the timeline's times, so no
 * month or AM/PM word needs translating and a pseudo-locale shows digits only.
 */

const MINUTE_S = 60;
const DAY_S = 86_400;

const clock = (lng: string, seconds: boolean) => new Intl.DateTimeFormat(lng, { hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}), hourCycle: 'h23' });
const date = (lng: string) => new Intl.DateTimeFormat(lng, { month: '2-digit', day: '2-digit' });

/**
 * Tick labels for uPlot's time axis (splits and increment in seconds): the clock, to the second
 * when ticks are closer than a minute, with the date under the first tick and wherever the day
 * changes (as uPlot's own labels do); only the date once ticks are a day or more apart.
 */
export function timeTicks(lng: string, splits: readonly number[], incrSeconds: number): string[] {
  const day = date(lng);
  if (incrSeconds >= DAY_S) return splits.map((s) => day.format(s * 1000));
  const time = clock(lng, incrSeconds < MINUTE_S);
  let shown = '';
  return splits.map((s) => {
    const d = day.format(s * 1000);
    const changed = d !== shown;
    shown = d;
    return changed ? `${time.format(s * 1000)}\n${d}` : time.format(s * 1000);
  });
}

/** One point's moment (seconds), for the x series' value where uPlot would print its English default. */
export const pointTime = (lng: string, seconds: number): string => `${date(lng).format(seconds * 1000)} ${clock(lng, true).format(seconds * 1000)}`;
