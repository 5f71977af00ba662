import { comware7 } from '../../core/platforms/comware7';
import type { LabDevice } from '../device/device';
import { dialectOf } from './dialect';
import { CliSession } from './engine';

/**
 * Apply configuration text the way a configuration file is loaded: `#` and every unindented line
 * return to system view; an indented line runs in the view the last unindented line opened (or
 * in system view for the indented global lines of `display current-configuration`). `return` and
 * `version` lines are structure, not commands. Returns the refused lines with their error text;
 * no per-line config events are emitted (the caller emits one for the batch). The lines are read
 * in the built-in dialect whatever the device speaks, because they are what the lab's renderer
 * writes (startup file, blueprint, configuration backed up from the peer).
 */
export function loadConfigLines(device: LabDevice, lines: readonly string[]): string[] {
  const s = new CliSession(device, { screenLength: 0 }, dialectOf(comware7));
  s.quiet = true;
  s.toSystemView();
  const errors: string[] = [];
  for (const raw of lines) {
    const line = raw.trimEnd();
    const text = line.trim();
    if (!text || text === '#' || text === 'return' || /^version\s/.test(text)) {
      s.toSystemView();
      continue;
    }
    if (!line.startsWith(' ')) s.toSystemView();
    const o = s.execute(text);
    if (o.failed) errors.push(`${text}: ${(o.lines ?? []).filter((l) => l.trim() !== '^').join(' ').trim()}`);
  }
  return errors;
}
