import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { openKnownHosts } from '../../core/transport/node/known-hosts-file';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../contract/index';
import type { DeviceDeps } from '../device-deps';
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

export function createSettingsHandlers(file: string | undefined, device: Pick<DeviceDeps, 'knownHostsFile' | 'credentials'>): Handlers {
  let current: Promise<Settings> | undefined;
  const get = () => (current ??= load(file));
  const knownHosts = () => openKnownHosts(device.knownHostsFile);
  const creds = device.credentials;
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
    'settings.knownHosts': async () => {
      const store = knownHosts();
      return { file: store.location, hosts: await store.list() };
    },
    'settings.forgetHost': async ({ host, port }) => ({ removed: await knownHosts().remove(host, port) }),
    'settings.credentials': () => creds.state(),
    'settings.saveCredential': ({ label, username, password, url }) => creds.save({ label, username, password, ...(url ? { url } : {}) }),
    'settings.deleteCredential': ({ id }) => creds.remove(id),
    'settings.unlockCredentials': ({ passphrase }) => creds.unlock(passphrase),
  };
}
