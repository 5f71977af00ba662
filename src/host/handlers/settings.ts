import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../contract/index';
import type { Handlers } from '../types';

async function load(file: string | undefined): Promise<Settings> {
  if (!file) return structuredClone(DEFAULT_SETTINGS);
  try {
    const parsed = SettingsSchema.partial().safeParse(JSON.parse(await readFile(file, 'utf8')));
    // A damaged or older file falls back to defaults field by field rather than failing the app.
    return parsed.success ? { ...DEFAULT_SETTINGS, ...parsed.data } : structuredClone(DEFAULT_SETTINGS);
  } catch {
    return structuredClone(DEFAULT_SETTINGS);
  }
}

export function createSettingsHandlers(file: string | undefined): Handlers {
  let current: Promise<Settings> | undefined;
  const get = () => (current ??= load(file));
  return {
    'settings.get': () => get(),
    'settings.set': async (patch) => {
      const next: Settings = { ...(await get()) };
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
      if (file) {
        await mkdir(dirname(file), { recursive: true });
        // write-then-rename: a crash mid-write never leaves a half settings file
        await writeFile(`${file}.tmp`, JSON.stringify(next, null, 2), 'utf8');
        await rename(`${file}.tmp`, file);
      }
      current = Promise.resolve(next);
      return next;
    },
  };
}
