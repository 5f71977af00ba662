/**
 * `hotpair probe --write-pack FILE`: the pack as loaded, with every command the devices did not
 * confirm marked unverified and a note of what they said and offered in its place. Templates are
 * left exactly as they were: the device's words go into the note, never a guessed correction.
 */
import type { DeviceKey } from '../model/pair';
import type { PlatformPack } from '../platforms/pack';
import { ENTERS } from '../render/emit';
import { parseCommand } from '../render/templates';
import type { LineView } from '../render/types';
import { unconfirmed, type LineVerdict, type ProbeResult } from './types';

export interface Overlay {
  pack: PlatformPack;
  /** Pack command keys marked. */
  marked: string[];
  /** Unconfirmed lines no template renders (session lines such as quit): named, not marked. */
  unmatched: string[];
}

function lineView(pack: PlatformPack, view: string): LineView {
  if (view === 'system') return 'system';
  const p = parseCommand(pack, view, 'system');
  return (p && ENTERS[p.key]) ?? 'system';
}

function noteOf(device: string, v: LineVerdict, day: string): string {
  const at = v.position !== undefined ? ` at word ${v.position}${v.keyword !== undefined ? ` "${v.keyword}"` : ''}` : '';
  const said = v.message ? `: ${v.message}` : '';
  const offered = v.offered?.length ? `; offered there: ${v.offered.join(', ')}` : '';
  return `probe ${day}, device ${device}: "${v.line}" ${v.status}${at}${said}${offered}`;
}

export function packOverlay(pack: PlatformPack, result: Partial<ProbeResult>, names: Record<DeviceKey, string>, when: Date): Overlay {
  const out: PlatformPack = structuredClone(pack);
  const notes = new Map<string, string[]>();
  const unmatched: string[] = [];
  const day = when.toISOString().slice(0, 10);
  for (const { device, verdict } of unconfirmed(result)) {
    const p = parseCommand(pack, verdict.line, lineView(pack, verdict.view));
    const who = `${device.toUpperCase()} (${names[device]})`;
    if (!p) {
      // Printed inside a sentence of the reader's language: the device's letter and name and the line, no English around them.
      unmatched.push(`${who}: ${verdict.line}`);
      continue;
    }
    const list = notes.get(p.key) ?? [];
    const note = noteOf(who, verdict, day);
    if (!list.includes(note)) list.push(note);
    notes.set(p.key, list);
  }
  for (const [key, list] of notes) {
    const t = out.commands[key]!;
    out.commands[key] = { ...t, verified: false, note: [...list, ...(t.note ? [t.note] : [])].join(' | ') };
  }
  return { pack: out, marked: [...notes.keys()], unmatched };
}
