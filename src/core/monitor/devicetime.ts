/**
 * Device clock text → comparable seconds. Both the switchover records of `display
 * remote-backup-group status` ("2026-11-25 14:20:01") and log headers ("Nov 25 14:20:01:123 2026")
 * come from the same device clock, so reading both as if they were UTC makes them comparable to each
 * other (never to the monitor's clock: the device's time zone is unknown).
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function deviceSeconds(text: string | undefined): number | undefined {
  if (!text) return undefined;
  let m = /(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2}):(\d{2})/.exec(text);
  if (m) return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) / 1000;
  m = /([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})(?::\d+)?\s+(\d{4})/.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.toLowerCase());
    if (month < 0) return undefined;
    return Date.UTC(+m[6]!, month, +m[2]!, +m[3]!, +m[4]!, +m[5]!) / 1000;
  }
  return undefined;
}
