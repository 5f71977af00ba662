import type { RbmFact } from '../model/facts';
import { expandInterfaceName } from './interface-names';
import { cleanLines, durationSeconds, isEmptyValue, kvPairs, quote, toInt, type Parsed } from './text';

type Block = Omit<RbmFact, 'peer' | 'configured' | 'switchovers'>;
type Switchover = NonNullable<RbmFact['switchovers']>[number];

const NOT_CONFIGURED = /not (?:been )?(?:configured|enabled)|no remote backup group|remote backup group (?:does not|doesn't) exist/i;

function mode(v: string): Block['mode'] {
  if (/dual/i.test(v)) return 'dual-active';
  if (/mirror/i.test(v)) return 'mirroring';
  if (/active[\s/-]*standby/i.test(v)) return 'active-standby';
  return undefined;
}

function oneOf<T extends string>(v: string, allowed: readonly T[]): T | undefined {
  const hit = allowed.find((a) => a.toLowerCase() === v.trim().toLowerCase());
  return hit;
}

function enabled(v: string): boolean | undefined {
  if (/\b(?:disabled?|off|no)\b/i.test(v)) return false;
  if (/\b(?:enabled?|on|yes)\b/i.test(v)) return true;
  return undefined;
}

/**
 * One `key: value` → field of a block. Returns false when the key or value is not understood
 * (the caller warns). Keys are matched after lower-casing and space-collapsing.
 */
function setField(b: Block, key: string, val: string): boolean {
  if (isEmptyValue(val) && key !== 'configuration consistency check result') {
    // "Data channel interface: N/A", "Remote IP: --": nothing configured, nothing to warn about.
    return /interface|ip|port|role|status|state|mode/.test(key);
  }
  switch (key) {
    case 'backup mode':
      return (b.mode = mode(val)) !== undefined;
    case 'device management role':
    case 'device role':
    case 'role':
      return (b.role = oneOf(val, ['primary', 'secondary'] as const)) !== undefined;
    case 'device running management role':
    case 'running management role':
      return (b.runningRole = oneOf(val, ['primary', 'secondary'] as const)) !== undefined;
    case 'device running status':
    case 'running status':
      return (b.runningStatus = oneOf(val, ['Initial', 'Active', 'Standby'] as const)) !== undefined;
    case 'data channel interface':
      b.dataChannelInterface = expandInterfaceName(val);
      return true;
    case 'data channel interface current state':
    case 'data channel interface state':
    case 'data channel state':
      return (b.dataChannelState = oneOf(val, ['Up', 'Down'] as const)) !== undefined;
    case 'local ip':
    case 'local ipv6':
      b.localIp = val.split(/\s+/)[0];
      return true;
    case 'remote ip':
    case 'remote ipv6':
      b.remoteIp = val.split(/\s+/)[0];
      return true;
    case 'destination port':
    case 'remote port':
    case 'port':
      return (b.port = toInt(val)) !== undefined;
    case 'control channel status':
      return (b.controlChannel = oneOf(val, ['Connected', 'Disconnected'] as const)) !== undefined;
    case 'keepalive interval':
      // "1s", "1 s", "1 second(s)"; a bare number is seconds.
      return (b.keepaliveInterval = durationSeconds(val, 1)) !== undefined;
    case 'keepalive count':
      return (b.keepaliveCount = toInt(val)) !== undefined;
    case 'configuration consistency check interval':
      b.consistencyInterval = val;
      return true;
    case 'configuration consistency check result':
      return (b.consistency = oneOf(val.replace(/\s+/g, ' '), ['Not Performed', 'Consistent', 'Inconsistent'] as const)) !== undefined;
    case 'configuration backup status':
    case 'configuration auto-sync':
      return (b.autoSync = enabled(val)) !== undefined;
    case 'session backup status':
    case 'hot backup':
      return (b.hotBackup = enabled(val)) !== undefined;
    case 'delay-time':
    case 'delay time':
    case 'switchback delay-time':
      return (b.delaySeconds = durationSeconds(val)) !== undefined;
    case 'uptime since last switchover':
      return (b.uptimeSinceSwitchoverSeconds = durationSeconds(val)) !== undefined;
    default:
      return false;
  }
}

// "2019-07-04 15:16:53      Initial to Active    Interface status changed"
const RECORD = /^\s*(\d{4}[-/]\d{1,2}[-/]\d{1,2}[ T]\d{1,2}:\d{2}:\d{2}(?:\.\d+)?)\s+(\w+)\s+to\s+(\w+)\s*(.*)$/i;

/**
 * Parse `display remote-backup-group status` (vendor CLI notes): `key: value` lines, Local/Peer blocks (or
 * the older single "Remote backup group information:" block, or none), an optional switchover
 * records table, or the short "not configured" message.
 */
export function parseRbmStatus(text: string): Parsed<RbmFact> {
  const warnings: string[] = [];
  const lines = cleanLines(text).filter((l) => l.trim() !== '');
  if (lines.length === 0) return { value: { configured: false }, warnings: ['display remote-backup-group status: empty output'] };
  if (lines.some((l) => NOT_CONFIGURED.test(l)) && !lines.some((l) => /^\s*(?:Backup mode|Local IP)\s*:/i.test(l))) {
    return { value: { configured: false }, warnings };
  }
  const local: Block = {};
  const peer: Block = {};
  const switchovers: Switchover[] = [];
  let target: Block | 'records' = local;
  let sawPeer = false;
  let sawField = false;
  for (const line of lines) {
    if (/^\s*(?:Local\s+)?remote backup group information\s*:?\s*$/i.test(line)) {
      target = local;
      continue;
    }
    if (/^\s*Peer remote backup group information\s*:?\s*$/i.test(line)) {
      target = peer;
      sawPeer = true;
      continue;
    }
    if (/^\s*Switchover records?\b/i.test(line)) {
      target = 'records';
      continue;
    }
    if (target === 'records') {
      const r = RECORD.exec(line);
      if (r) switchovers.push({ time: r[1] ?? '', from: r[2] ?? '', to: r[3] ?? '', cause: (r[4] ?? '').trim() });
      else if (!/^\s*Time\s+.*Cause|^\s*-{3,}|no switchover record|^\s*Total\b/i.test(line)) {
        warnings.push(`display remote-backup-group status: unrecognised switchover record ${quote(line)}`);
      }
      continue;
    }
    const pairs = kvPairs(line);
    if (pairs.length === 0) {
      warnings.push(`display remote-backup-group status: unrecognised line ${quote(line)}`);
      continue;
    }
    for (const [key, val] of pairs) {
      if (setField(target, key, val)) sawField = true;
      else warnings.push(`display remote-backup-group status: unrecognised ${JSON.stringify(key)} value ${JSON.stringify(val)}`);
    }
  }
  const value: RbmFact = { configured: sawField || switchovers.length > 0, ...stripUndefined(local) };
  if (sawPeer && Object.keys(stripUndefined(peer)).length > 0) value.peer = stripUndefined(peer);
  if (switchovers.length > 0) value.switchovers = switchovers;
  if (!value.configured) warnings.push('display remote-backup-group status: no status fields found');
  return { value, warnings };
}

/** Fields set to undefined by a failed read are dropped so JSON output and toEqual stay clean. */
function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
