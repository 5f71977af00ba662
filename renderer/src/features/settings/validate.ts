/**
 * The Monitor settings form: its fields, and its check, which is the contract's own schema (the
 * one the host parses `settings.set` with), so the form refuses exactly what the host would.
 */
import type { z } from 'zod';
import { SettingsPatchSchema, SettingsSchema, type Settings } from '../../../../src/contract/index';
import { i18n } from '../../i18n';
import { either } from '../common/intl';

export interface MonitorForm {
  syslogAddress: string;
  syslogPort: string;
  metricsAddress: string;
  metricsPort: string;
  interval: string;
}
type Key = keyof MonitorForm;
export type FormErrors = Partial<Record<Key, string>>;

/** A message of the catalogue with its arguments: what the form's words are made from. */
export type Say = (key: string, params: Record<string, string | number>) => string;
const sayNow: Say = (key, params) => i18n.t(key, params);

/** Each field's label is `app:settings.monitor.fields.<key>`; examples are addresses, shown as they are. */
export const FIELDS: readonly { key: Key; inputMode: 'numeric' | 'text'; examples?: readonly string[] }[] = [
  { key: 'syslogAddress', inputMode: 'text', examples: ['0.0.0.0', '127.0.0.1'] },
  { key: 'syslogPort', inputMode: 'numeric' },
  { key: 'metricsAddress', inputMode: 'text', examples: ['127.0.0.1'] },
  { key: 'metricsPort', inputMode: 'numeric' },
  { key: 'interval', inputMode: 'numeric' },
];

export const fieldLabel = (say: Say, key: Key): string => say(`settings.monitor.fields.${key}`, {});

/** Where each field sits in the settings: the path zod names in an issue about it. */
const PATHS: Record<Key, readonly string[]> = {
  syslogAddress: ['syslog', 'address'],
  syslogPort: ['syslog', 'port'],
  metricsAddress: ['metrics', 'address'],
  metricsPort: ['metrics', 'port'],
  interval: ['monitorIntervalSeconds'],
};

export const toForm = (s: Settings): MonitorForm => ({
  syslogAddress: s.syslog.address,
  syslogPort: String(s.syslog.port),
  metricsAddress: s.metrics.address,
  metricsPort: String(s.metrics.port),
  interval: String(s.monitorIntervalSeconds),
});

// Text that is not a number stays text, so the schema reports it as not a number.
const number = (v: string): number | string => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);

const patchOf = (f: MonitorForm) => ({
  syslog: { address: f.syslogAddress, port: number(f.syslogPort) },
  metrics: { address: f.metricsAddress, port: number(f.metricsPort) },
  monitorIntervalSeconds: number(f.interval),
});

/** The schema a field is checked by, for the bounds its message states. */
function schemaAt(path: readonly string[]): z.ZodType | undefined {
  let s: unknown = SettingsSchema;
  for (const k of path) s = (s as { shape?: Record<string, unknown> }).shape?.[k];
  return s as z.ZodType | undefined;
}

/** The field named, then what to type instead, in the terms of the schema's own rule. */
function problem(issue: z.core.$ZodIssue, key: Key, say: Say, lng: string): string {
  const label = fieldLabel(say, key);
  const s = schemaAt(PATHS[key]) as { minValue?: number | null; maxValue?: number | null; isInt?: boolean } | undefined;
  if (typeof s?.minValue === 'number' && typeof s.maxValue === 'number') return say('settings.monitor.range', { label, kind: s.isInt ? 'int' : 'real', min: s.minValue, max: s.maxValue });
  const examples = FIELDS.find((f) => f.key === key)?.examples;
  if (issue.code === 'too_small' && issue.origin === 'string')
    return examples ? say('settings.monitor.emptyAddress', { label, example: either(lng, examples) }) : say('settings.monitor.empty', { label });
  // A rule the form has no words for: zod's own message, which is English.
  return say('settings.monitor.other', { label, message: issue.message });
}

/**
 * Every problem at once, one message per field naming it and the fix; {} when the host would accept
 * the form. Worded by `say` (the screen's translation), by default in the app's current language.
 */
export function validateMonitorForm(f: MonitorForm, say: Say = sayNow, lng: string = i18n.language): FormErrors {
  const r = SettingsPatchSchema.safeParse(patchOf(f));
  if (r.success) return {};
  const errors: FormErrors = {};
  for (const issue of r.error.issues) {
    const at = issue.path.join('.');
    const key = (Object.keys(PATHS) as Key[]).find((k) => PATHS[k].join('.') === at);
    if (!key || errors[key]) continue;
    errors[key] = problem(issue, key, say, lng);
  }
  return errors;
}

/** The settings to save; only called once {@link validateMonitorForm} found nothing. */
export const fromForm = (f: MonitorForm): Partial<Settings> => SettingsPatchSchema.parse(patchOf(f));
