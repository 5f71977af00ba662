import type { MessageParam } from '../base/message';
import { parseConnectUrl } from './connect';

/**
 * The schema's own sentences (pair.ts: formats and checks zod reports only as English) as messages
 * of the core catalogue (`load.reason.…`), so a refused value is explained in the reader's
 * language. A sentence missing here is shown in English: test/i18n/load-errors.test.ts reads the
 * schema's source to keep this table complete.
 */
export const SCHEMA_REASONS: Readonly<Record<string, string>> = {
  'expected an interface name such as GigabitEthernet1/0/1 or Route-Aggregation1': 'interface-name',
  'expected an IPv4 or IPv6 address without a prefix, e.g. 10.2.1.1': 'ip',
  'expected an address with its prefix length, e.g. 10.1.1.1/24 or 2001:db8::1/64': 'cidr',
  'expected an environment variable name such as HOTPAIR_A_PASSWORD': 'env-name',
  'expected a time of day as HH:MM (24 h), e.g. 02:30': 'time-of-day',
  'expected a duration such as 30m, 1h or 1d': 'duration',
  'a sysname has no spaces, brackets, < > or ?': 'sysname',
  'letters, digits, . _ - only (it names files and journal entries)': 'pair-name',
};

/**
 * Why the schema refused `got`, as a sub-message when the catalogue has it. A connect URL's refusal
 * is asked again of its parser, which names it with a code; the schema only kept its English.
 */
export function schemaReason(message: string, got: unknown): MessageParam {
  const id = SCHEMA_REASONS[message];
  if (id) return { sep: 'comma', items: [{ code: `load.reason.${id}` }] };
  if (typeof got === 'string') {
    const r = parseConnectUrl(got);
    if (!r.ok && r.message === message) return { sep: 'comma', items: [r.said] };
  }
  return message;
}
