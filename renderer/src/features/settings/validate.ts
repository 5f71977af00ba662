import type { Settings } from '../../../../src/contract/index';

export interface MonitorForm {
  syslogAddress: string;
  syslogPort: string;
  metricsAddress: string;
  metricsPort: string;
  interval: string;
}

export const toForm = (s: Settings): MonitorForm => ({
  syslogAddress: s.syslog.address,
  syslogPort: String(s.syslog.port),
  metricsAddress: s.metrics.address,
  metricsPort: String(s.metrics.port),
  interval: String(s.monitorIntervalSeconds),
});

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const okAddress = (a: string) => IPV4.test(a) || a === 'localhost' || (a.includes(':') && /^[0-9A-Fa-f:.]+$/.test(a));
const intIn = (v: string, min: number, max: number) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max;

/** Every problem at once, by field, with what to type instead; the host checks the same ranges. */
export function validateMonitorForm(f: MonitorForm): Partial<Record<keyof MonitorForm, string>> {
  const e: Partial<Record<keyof MonitorForm, string>> = {};
  if (!okAddress(f.syslogAddress)) e.syslogAddress = 'An IPv4 or IPv6 address to listen on, e.g. 0.0.0.0 or 127.0.0.1.';
  if (!okAddress(f.metricsAddress)) e.metricsAddress = 'An IPv4 or IPv6 address to listen on, e.g. 127.0.0.1.';
  if (!intIn(f.syslogPort, 1, 65535)) e.syslogPort = 'A port from 1 to 65535 (514 needs privileges; 5514 does not).';
  if (!intIn(f.metricsPort, 1, 65535)) e.metricsPort = 'A port from 1 to 65535.';
  else if (!e.syslogPort && f.metricsPort === f.syslogPort && f.metricsAddress === f.syslogAddress) e.metricsPort = 'Syslog (UDP) and metrics (TCP) may share a number, but pick another to avoid confusion.';
  if (!intIn(f.interval, 1, 3600)) e.interval = 'Whole seconds from 1 to 3600.';
  return e;
}

export const fromForm = (f: MonitorForm): Partial<Settings> => ({
  syslog: { address: f.syslogAddress, port: Number(f.syslogPort) },
  metrics: { address: f.metricsAddress, port: Number(f.metricsPort) },
  monitorIntervalSeconds: Number(f.interval),
});
