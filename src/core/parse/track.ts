import type { TrackFact } from '../model/facts';
import { expandInterfaceName, looksLikeInterface } from './interface-names';
import { cleanLines, kvPairs, quote, type Parsed } from './text';

export interface TrackEntry extends TrackFact {
  /** "Interface", "NQA", "BFD", ... inferred from the tracked-object fields. */
  objectType?: string;
  duration?: string;
  protocol?: string;
}

// Keys every release prints for each entry or its tracked object; read or knowingly skipped.
const KNOWN_KEYS = new Set([
  'duration', 'notification delay', 'tracked object', 'reference object', 'tracked object type',
  'nqa entry', 'reaction', 'bfd session mode', 'bfd session', 'packet type', 'outgoing interface',
  'vpn instance name', 'remote ip', 'local ip', 'track interface', 'interface status', 'protocol',
  'cfd service instance', 'mep id', 'track list', 'boolean', 'weight', 'percentage', 'object',
]);

/** Parse `display track all` (`Track ID: n` blocks; `State:` on V7, `Status:` on older releases). */
export function parseTrackAll(text: string): Parsed<{ tracks: TrackEntry[] }> {
  const tracks: TrackEntry[] = [];
  const warnings: string[] = [];
  let current: TrackEntry | undefined;
  for (const line of cleanLines(text)) {
    if (line.trim() === '') continue;
    const pairs = kvPairs(line);
    if (pairs.length === 0) {
      warnings.push(`display track: unrecognised line ${quote(line)}`);
      continue;
    }
    for (const [key, val] of pairs) {
      if (key === 'track id') {
        const id = Number(val);
        if (!Number.isInteger(id)) {
          warnings.push(`display track: bad track ID ${JSON.stringify(val)}`);
          current = undefined;
          continue;
        }
        current = { id, state: 'Unknown' };
        tracks.push(current);
        continue;
      }
      if (!current) {
        warnings.push(`display track: ${quote(line)} outside a Track ID block`);
        break;
      }
      if (key === 'state' || key === 'status') {
        // "Positive (notify 13 seconds later)": the word is the state. Older "Invalid" = NotReady.
        const word = /^\s*(\w+)/.exec(val)?.[1] ?? val;
        current.state = word === 'Invalid' ? 'NotReady' : word;
      } else if (key === 'interface') {
        current.interface = expandInterfaceName(val);
        current.objectType ??= 'Interface';
      } else if (key === 'interface status' && looksLikeInterface(val)) {
        // Some releases (and the lab) print the tracked interface here; older ones print Inserted/Removed.
        current.interface = expandInterfaceName(val);
        current.objectType ??= 'Interface';
      } else if (key === 'duration') current.duration = val;
      else if (key === 'protocol') current.protocol = val;
      else if (key === 'nqa entry') current.objectType = 'NQA';
      else if (key.startsWith('bfd')) current.objectType = 'BFD';
      else if (key === 'track list') current.objectType = 'List';
      else if (key === 'tracked object type' && val) current.objectType = val;
      else if (!KNOWN_KEYS.has(key)) warnings.push(`display track: unrecognised ${JSON.stringify(key)} in track ${current.id}`);
    }
  }
  for (const t of tracks) if (t.state === 'Unknown') warnings.push(`display track: track ${t.id} has no state`);
  return { value: { tracks }, warnings };
}
