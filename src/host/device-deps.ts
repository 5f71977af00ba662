import { join } from 'node:path';
import { DeviceConnector } from '../core/session/node/connect';
import { dataDir } from '../core/base/node/paths';
import type { OpenDeviceDeps } from './devices/connect';
import { labLoginFor } from './devices/lab-login';
import { CredentialStore } from './secrets/credential-store';
import type { HostDeps } from './types';

export interface DeviceDeps extends OpenDeviceDeps {
  credentials: CredentialStore;
  knownHostsFile: string;
  transcriptDir: string;
  /** Where commissioning journals go (`<dir>/journal/`), shared with `hotpair pair`. */
  journalBase: string;
}

/**
 * Per-user device state in one place, and one connector for the console, the wizard and bundle
 * apply: the known_hosts file, transcripts and journals are the CLI's own (same data dir), so
 * trust given in one is honoured by the other.
 */
export function deviceDeps(deps: HostDeps): DeviceDeps {
  const dir = deps.dataDir ?? dataDir();
  const knownHostsFile = join(dir, 'known_hosts');
  const transcriptDir = join(dir, 'transcripts');
  return {
    connector: new DeviceConnector({ knownHostsFile, transcriptDir }),
    knownHostsFile,
    transcriptDir,
    journalBase: dir,
    credentials: new CredentialStore(join(dir, 'credentials.json'), deps.keychain),
    labLogin: labLoginFor(deps.lab),
  };
}
