import { cleanLines, kvPairs, quote, type Parsed } from './text';

/**
 * `display startup`: which configuration file the device booted from and which one it will load
 * next. Comware V7 prints one block per MPU (a `MainBoard:` or `Slot N:` header on IRF and
 * chassis, none on a box):
 *
 *   Current startup saved-configuration file: flash:/startup.cfg
 *   Next main startup saved-configuration file: flash:/startup.cfg
 *   Next backup startup saved-configuration file: NULL
 *
 * Some releases print `Next startup saved-configuration file:` without main/backup. `NULL` means
 * no file (the device boots with factory defaults).
 */
export interface StartupInfo {
  /** The file loaded at the last boot; absent when NULL. */
  current?: string;
  /** The main next-startup file: what `save` writes and `display saved-configuration` shows. */
  nextMain?: string;
  nextBackup?: string;
}

const KEYS: Record<string, keyof StartupInfo> = {
  'current startup saved-configuration file': 'current',
  'next main startup saved-configuration file': 'nextMain',
  'next startup saved-configuration file': 'nextMain',
  'next backup startup saved-configuration file': 'nextBackup',
};

/** Parse `display startup`; on a multi-MPU device the first block (the active MPU) wins. */
export function parseStartup(text: string): Parsed<StartupInfo> {
  const value: StartupInfo = {};
  const warnings: string[] = [];
  const seen = new Set<keyof StartupInfo>();
  for (const line of cleanLines(text)) {
    if (line.trim() === '' || /^\s*(MainBoard|Slot \d+|Chassis \d+ Slot \d+):\s*$/i.test(line)) continue;
    const pairs = kvPairs(line);
    const field = pairs.length === 1 ? KEYS[pairs[0]![0]] : undefined;
    if (!field) {
      warnings.push(`display startup: unrecognised line ${quote(line)}`);
      continue;
    }
    if (seen.has(field)) continue;
    seen.add(field);
    const file = pairs[0]![1];
    if (file && !/^NULL$/i.test(file)) value[field] = file;
  }
  if (!seen.has('nextMain') && !seen.has('current')) warnings.push('display startup: no saved-configuration file line');
  return { value, warnings };
}

/** The saved configuration the device will load next (what `save` wrote), else the one it booted from. */
export function savedConfigFile(info: StartupInfo): string | undefined {
  return info.nextMain ?? info.current;
}
