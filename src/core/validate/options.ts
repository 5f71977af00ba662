import { parseDurationSeconds } from '../model/pair';
import { type Finding, type Rule, andList, inRange, rangeText } from './diagnostic';

/**
 * Back up HTTP / DNS: needed when paths are asymmetric (typical of dual-active, warning when off);
 * in active/standby or mirroring they only cost performance (info when on).
 */
const httpDnsAsymmetric: Rule = {
  id: 'backup.http-dns-asymmetric',
  summary: 'HTTP/DNS session backup on for dual-active (asymmetric paths), off otherwise.',
  severity: 'warning',
  reason: 'Enable HTTP and DNS backup if asymmetric-path traffic traverses the hot backup system.',
  check: ({ pair }) => {
    const off = (['http', 'dns'] as const).filter((p) => !pair.backup[p]);
    if (pair.mode === 'dual-active')
      return off.length > 0
        ? [{ path: `backup.${off[0]}`, key: 'off-dual-active', params: { protocols: off, settings: off.map((p) => `backup.${p}: true`) }, message: `dual-active pairs usually see asymmetric paths, but ${andList(off)} backup is off`, fix: `set ${andList(off.map((p) => `backup.${p}: true`))} unless every flow is known to return through the same device` }]
        : [];
    const on = (['http', 'dns'] as const).filter((p) => pair.backup[p]);
    return on.length > 0
      ? [{ path: `backup.${on[0]}`, severity: 'info', key: 'on-symmetric', params: { mode: pair.mode, protocols: on, settings: on.map((p) => `backup.${p}: false`) }, message: `in ${pair.mode} mode with symmetric paths, ${andList(on)} backup costs performance`, fix: `set ${andList(on.map((p) => `backup.${p}: false`))} if no asymmetric-path traffic crosses the pair` }]
      : [];
  },
};

/** Traffic reversion delay: bounded by the platform. */
const fallbackDelayRange: Rule = {
  id: 'fallback.delay-range',
  summary: 'The traffic reversion delay is within the platform\'s range.',
  severity: 'error',
  reason: 'Set the delay that the hot backup members must wait before a switchback.',
  check: ({ pair, pack }) =>
    inRange(pair.fallback.delaySeconds, pack.limits.fallbackDelaySeconds)
      ? []
      : [{ path: 'fallback.delaySeconds', key: 'outside', params: { value: String(pair.fallback.delaySeconds), range: rangeText(pack.limits.fallbackDelaySeconds) }, message: `traffic reversion delay ${pair.fallback.delaySeconds} s is outside ${rangeText(pack.limits.fallbackDelaySeconds)} s`, fix: `use a whole number of seconds in ${rangeText(pack.limits.fallbackDelaySeconds)} (default 60)` }],
};

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Configuration Consistency Check Mode: the device takes a fixed interval in whole hours, or a time of day / week. */
const consistencySchedule: Rule = {
  id: 'consistency.schedule',
  summary: 'The consistency check runs every whole number of hours in range, or at a valid daily/weekly time.',
  severity: 'error',
  reason: 'Set the interval of configuration consistency check',
  check: ({ pair, pack }) => {
    const s = pair.consistencyCheck.schedule;
    const out: Finding[] = [];
    const lim = pack.limits.consistencyIntervalHours;
    if ('every' in s) {
      const seconds = parseDurationSeconds(s.every);
      const hours = seconds / 3600;
      if (!Number.isInteger(hours) || !inRange(hours, lim))
        out.push({
          path: 'consistencyCheck.schedule.every',
          key: Number.isNaN(seconds) ? 'every-not-duration' : Number.isInteger(hours) ? 'every-outside' : 'every-not-hours',
          params: { every: s.every, hours: String(hours), range: rangeText(lim) },
          message: Number.isNaN(seconds) ? `"${s.every}" is not a duration` : Number.isInteger(hours) ? `a check every ${hours} h is outside ${rangeText(lim)} h` : `"${s.every}" is not a whole number of hours; the device sets the interval in hours`,
          fix: `use a whole number of hours in ${rangeText(lim)}, e.g. every: 1h or every: 24h`,
        });
    } else if ('daily' in s) {
      if (!HHMM.test(s.daily)) out.push({ path: 'consistencyCheck.schedule.daily', key: 'daily-not-time', params: { time: s.daily }, message: `"${s.daily}" is not a time of day`, fix: 'write the time as HH:MM in 24-hour form, e.g. 02:30' });
    } else {
      if (!DAYS.includes(s.weekly.day)) out.push({ path: 'consistencyCheck.schedule.weekly.day', key: 'weekly-not-day', params: { day: s.weekly.day, days: DAYS.join(', ') }, message: `"${s.weekly.day}" is not a day of the week`, fix: `use one of ${DAYS.join(', ')}` });
      if (!HHMM.test(s.weekly.at)) out.push({ path: 'consistencyCheck.schedule.weekly.at', key: 'weekly-not-time', params: { time: s.weekly.at }, message: `"${s.weekly.at}" is not a time of day`, fix: 'write the time as HH:MM in 24-hour form, e.g. 03:00' });
    }
    return out;
  },
};

export const optionRules: Rule[] = [httpDnsAsymmetric, fallbackDelayRange, consistencySchedule];
