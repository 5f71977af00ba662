/**
 * Which time limit ran out, from a closed set: each names its message of the core catalogue
 * (`error.limit.<limit>`), so a TIMEOUT says what was bounded whole in the reader's language and
 * no caller can hand `withTimeout` a phrase of its own in English. The device rides along as a
 * param ("A", "B"), never translated.
 */
import type { Message, MessageList } from './message';

type Device = 'a' | 'b';

export type Limit =
  | { limit: 'probe' }
  | { limit: 'connect'; device: Device }
  | { limit: 'discover'; device: Device }
  | { limit: 'restore' }
  | { limit: 'status-poll' }
  | { limit: 'session-statistics' }
  | { limit: 'login' }
  | { limit: 'config-push' }
  | { limit: 'monitor-connect' }
  | { limit: 'pdf' }
  | { limit: 'commit' }
  | { limit: 'standing' }
  | { limit: 'rollback' }
  | { limit: 'saved-config'; device: Device }
  | { limit: 'role-election' }
  | { limit: 'sync'; device: Device }
  | { limit: 'cable'; device: Device }
  | { limit: 'cable-login' }
  | { limit: 'cable-discover' };

type English = { [K in Limit['limit']]: (l: Extract<Limit, { limit: K }>) => string };

const up = (d: Device) => d.toUpperCase();

/** Core's English of each limit: the journal's `details.timeout`, logs, and a reader whose catalogue lacks the key. */
const ENGLISH: English = {
  probe: () => 'probe limit',
  connect: (l) => `connecting to device ${up(l.device)}`,
  discover: (l) => `discovery of device ${up(l.device)}`,
  restore: () => 'putting the pair back',
  'status-poll': () => 'drill status poll',
  'session-statistics': () => 'session statistics read',
  login: () => 'login timeout',
  'config-push': () => 'configuration push timeout',
  'monitor-connect': () => 'connect timeout',
  pdf: () => 'rendering the report as PDF',
  commit: () => 'commit',
  standing: () => 'reading where the devices stand',
  rollback: () => 'rollback timeout',
  'saved-config': (l) => `copying the saved configuration of device ${up(l.device)}`,
  'role-election': () => 'waiting for the role election',
  sync: (l) => `waiting for the synchronised lines on device ${up(l.device)}`,
  cable: (l) => `waiting for the cable on device ${up(l.device)}`,
  'cable-login': () => 'logging in to the device on the cable',
  'cable-discover': () => 'discovery of the device on the cable',
};

export const limitEnglish = (l: Limit): string => (ENGLISH[l.limit] as (l: Limit) => string)(l);

export function limitMessage(l: Limit): Message {
  return 'device' in l ? { code: `error.limit.${l.limit}`, params: { device: up(l.device) } } : { code: `error.limit.${l.limit}` };
}

/** A duration as a message: the reader's language says the unit (毫秒 / 秒); its English is `formatMs`. */
export function durationMessage(ms: number): Message {
  if (ms < 1000) return { code: 'duration.ms', params: { value: ms } };
  const s = ms / 1000;
  return { code: 'duration.s', params: { value: Number.isInteger(s) ? String(s) : s.toFixed(1) } };
}

/** One sub-message as a param of another. */
export const part = (m: Message): MessageList => ({ sep: 'comma', items: [m] });
