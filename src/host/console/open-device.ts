import { AppError } from '../../core/base/errors';
import { FileTranscriptSink } from '../../core/channel/node/file-transcript';
import type { TranscriptSink } from '../../core/channel/transcript';
import { parseConnectUrl, type ConnectTarget } from '../../core/model/connect';
import { openSession, type DeviceCredentials, type OpenedSession } from '../../core/session/node/open';
import { openKnownHosts } from '../../core/transport/node/known-hosts-file';
import type { CredentialStore } from '../secrets/credential-store';

/** How the user asked to reach a device from the app (console, bundle apply). */
export interface DeviceLogin {
  url: string;
  username?: string;
  password?: string;
  credentialId?: string;
  /** The fingerprint the user confirmed; a different first-seen key is still refused. */
  acceptHostKey?: string;
  /** Use the running lab's login (host-side only) for a lab device's URL. */
  labLogin?: boolean;
}

export interface OpenDeviceDeps {
  knownHostsFile?: string;
  transcriptDir?: string;
  credentials: CredentialStore;
  /** The running lab's login for one of its device URLs; undefined for any other URL. */
  labLogin?: (url: string) => { username: string; password: string } | undefined;
}

export function targetOf(url: string): ConnectTarget {
  const r = parseConnectUrl(url.trim());
  if (!r.ok) throw new AppError('VALIDATION', r.message, { fix: 'Use ssh://user@host:port or serial:///dev/ttyUSB0?baud=auto.' });
  return r.target;
}

/**
 * Opens a logged-in session the way the CLI does (src/cli/connect-session.ts): known hosts
 * checked, auto-baud on a console, transcript always written. Host-key trust follows the
 * wizard: an unknown key fails with HOST_KEY_UNKNOWN and its fingerprint, the UI shows it, and
 * the retry names the fingerprint the user accepted. A changed key is always refused.
 */
export async function openDevice(
  login: DeviceLogin,
  deps: OpenDeviceDeps,
  o: { signal: AbortSignal; sink?: (file: TranscriptSink) => TranscriptSink; onStatus?: (m: string) => void; label?: string },
): Promise<OpenedSession> {
  const target = targetOf(login.url);
  const creds: DeviceCredentials = {};
  if (login.credentialId) Object.assign(creds, await deps.credentials.login(login.credentialId));
  if (login.labLogin) {
    // The lab's password goes only to the lab's own devices, never to a URL the page made up.
    const lab = deps.labLogin?.(login.url.trim());
    if (!lab) throw new AppError('VALIDATION', `${login.url} is not a device of the running lab pair.`, { fix: 'Start the lab on Home, or type this device\'s password.' });
    Object.assign(creds, lab);
  }
  const username = (target.kind === 'ssh' ? target.username : undefined) ?? login.username ?? creds.username;
  if (username) creds.username = username;
  else throw new AppError('VALIDATION', 'No user name.', { fix: target.kind === 'ssh' ? 'Put it in the URL: ssh://admin@host:22.' : 'Enter the console login name.' });
  if (login.password) creds.password = login.password;
  if (creds.password === undefined) throw new AppError('VALIDATION', 'No password.', { fix: 'Type the password, or pick a saved login.' });
  const label = o.label ?? (target.kind === 'ssh' ? target.host : (target.path.split('/').pop() ?? target.path));
  const file = new FileTranscriptSink(label, deps.transcriptDir ? { dir: deps.transcriptDir } : {});
  return openSession({
    target,
    credentials: creds,
    knownHosts: openKnownHosts(...(deps.knownHostsFile ? [deps.knownHostsFile] : [])),
    hostKeyPolicy: { confirmNew: async ({ fingerprint }) => login.acceptHostKey !== undefined && login.acceptHostKey === fingerprint },
    transcriptSink: o.sink ? o.sink(file) : file,
    deviceLabel: label,
    signal: o.signal,
    ...(o.onStatus ? { onStatus: o.onStatus } : {}),
  });
}
