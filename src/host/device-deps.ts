import { join } from 'node:path';
import { parse } from 'yaml';
import { userDataDir } from '../core/transport/node/data-dir';
import type { OpenDeviceDeps } from './console/open-device';
import { CredentialStore } from './secrets/credential-store';
import type { HostDeps } from './types';

export interface DeviceDeps extends OpenDeviceDeps {
  knownHostsFile: string;
  /** Where commissioning journals go (`<dir>/journal/`), shared with `hotpair pair`. */
  journalBase: string;
}

/**
 * Per-user device state in one place: the known_hosts file, transcripts and journals are the
 * CLI's own (same data dir), so trust given in one is honoured by the other.
 */
export function deviceDeps(deps: HostDeps): DeviceDeps {
  const dir = deps.dataDir ?? userDataDir();
  return {
    knownHostsFile: join(dir, 'known_hosts'),
    transcriptDir: join(dir, 'transcripts'),
    journalBase: dir,
    credentials: new CredentialStore(join(dir, 'credentials.json'), deps.keychain),
    labLogin: (url) => labLoginFor(deps, url),
  };
}

/** The lab's login when `url` is exactly one of its devices' connect URLs (from the adapter, host-side). */
function labLoginFor(deps: HostDeps, url: string): { username: string; password: string } | undefined {
  const access = deps.lab?.access?.();
  if (!access) return undefined;
  let doc: { devices?: Record<string, { connect?: unknown }> } | undefined;
  try {
    doc = parse(access.pairText, { maxAliasCount: 100 }) as typeof doc;
  } catch {
    return undefined;
  }
  const urls = Object.values(doc?.devices ?? {}).map((d) => d?.connect);
  return urls.includes(url) ? { username: access.username, password: access.password } : undefined;
}
