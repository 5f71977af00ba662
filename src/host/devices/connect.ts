/**
 * The app's side of the device connector (src/core/session/node/connect.ts), for the console, the
 * pairing wizard and bundle apply: the login typed in a form, picked from saved logins, or the
 * running lab's own; the host-key question answered in advance: an unknown key fails with
 * HOST_KEY_UNKNOWN and its fingerprint, the UI shows it, and the retry names the fingerprint the
 * user confirmed. A changed key is always refused. Errors come back in the app's words.
 */
import { AppError } from '../../core/base/errors';
import type { TranscriptSink } from '../../core/channel/transcript';
import { connectUrlError, parseConnectUrl, type ConnectTarget } from '../../core/model/connect';
import type { ConnectAsk, DeviceConnector, LoginInput } from '../../core/session/node/connect';
import type { DeviceCredentials, OpenedSession } from '../../core/session/node/open';
import type { CredentialStore } from '../secrets/credential-store';
import { forTheApp } from './host-keys';
import type { StepReport } from '../progress-step';

/** How the user asked to reach a device from the app. */
export interface DeviceLogin {
  url: string;
  /** Login user when the URL names none (always for a console). */
  username?: string;
  password?: string;
  /** SSH private key file on the host machine, and its passphrase. */
  identityFile?: string;
  passphrase?: string;
  /** A saved login (Settings), so the password never crosses the contract. */
  credentialId?: string;
  /** The fingerprint the user confirmed; a different first-seen key is still refused. */
  acceptHostKey?: string;
  /** Use the running lab's login; refused for a URL that is not one of its devices. */
  labLogin?: boolean;
}

export type LabLogin = (target: ConnectTarget) => { username: string; password: string } | undefined;

export interface OpenDeviceDeps {
  connector: DeviceConnector;
  /** Saved logins; without it a credentialId is refused. */
  credentials?: CredentialStore;
  /** The running lab's login for one of its devices; undefined for any other target. */
  labLogin?: LabLogin;
}

export interface OpenedDevice extends OpenedSession {
  target: ConnectTarget;
  /** Kept in this process's memory by the wizard, for a rollback's reconnect; never written or sent. */
  credentials: DeviceCredentials;
}

export function targetOf(url: string): ConnectTarget {
  const r = parseConnectUrl(url.trim());
  if (!r.ok) throw connectUrlError(r);
  return r.target;
}

/** The app cannot prompt mid-connect: what is missing is refused with what to fill in. */
export function appAsk(acceptHostKey: string | undefined): ConnectAsk {
  return {
    ...(acceptHostKey ? { confirmHostKey: async ({ fingerprint }) => fingerprint === acceptHostKey } : {}),
    missing: (what, target) =>
      what === 'username'
        ? new AppError('VALIDATION', 'No user name.', {
            fix: target.kind === 'ssh' ? 'Put it in the URL (ssh://admin@host:22) or fill in User.' : 'Fill in User: a console asks for a login.',
            message: { key: 'host.no-user', params: { kind: target.kind } },
          })
        : new AppError('VALIDATION', 'No password.', {
            fix: target.kind === 'ssh' ? 'Type the password, pick a saved login, or give a key file.' : 'Type the password, or pick a saved login.',
            message: { key: 'host.no-password', params: { kind: target.kind } },
          }),
  };
}

/**
 * What the user gave, or the lab's own account: asked for explicitly, or for a lab device when
 * nothing was typed (a newcomer needs no password). The lab's password goes only to the lab's own
 * devices, never to a URL the page made up.
 */
async function loginOf(target: ConnectTarget, login: DeviceLogin, deps: OpenDeviceDeps): Promise<LoginInput> {
  const lab = deps.labLogin?.(target);
  if (login.labLogin && !lab) {
    throw new AppError('VALIDATION', `${login.url} is not a device of the running lab pair.`, {
      fix: "Start the lab on Home, or type this device's password.",
      message: { key: 'host.not-lab-device', params: { url: login.url } },
    });
  }
  const typed = login.password || login.identityFile || login.credentialId;
  if (lab && (login.labLogin || !typed)) return { ...lab };
  const l: LoginInput = {};
  if (login.credentialId) {
    if (!deps.credentials) throw new AppError('NOT_FOUND', 'No saved logins here.', { fix: 'Type the password.', message: { key: 'host.no-saved-logins' } });
    Object.assign(l, await deps.credentials.login(login.credentialId));
  }
  if (login.username) l.username = login.username;
  if (login.password) l.password = login.password;
  if (login.identityFile) l.identityFile = login.identityFile;
  if (login.passphrase) l.passphrase = login.passphrase;
  return l;
}

export interface OpenDeviceOptions {
  signal: AbortSignal;
  label?: string;
  tee?: (file: TranscriptSink) => TranscriptSink;
  onStatus?: StepReport;
}

/** Who logs in where, with what: checked before anything is connected or replaced. */
export async function resolveDevice(login: DeviceLogin, deps: OpenDeviceDeps): Promise<{ target: ConnectTarget; credentials: DeviceCredentials }> {
  const target = targetOf(login.url);
  const credentials = await deps.connector.credentials(target, await loginOf(target, login, deps), appAsk(login.acceptHostKey));
  return { target, credentials };
}

/** A logged-in session from the app's login, with its transcript file. */
export async function openDevice(login: DeviceLogin, deps: OpenDeviceDeps, o: OpenDeviceOptions): Promise<OpenedDevice> {
  const { target, credentials } = await resolveDevice(login, deps);
  return reopenDevice(target, credentials, deps, o, login.acceptHostKey);
}

/** Logs in again with credentials already resolved (a session that died between wizard steps). */
export async function reopenDevice(target: ConnectTarget, credentials: DeviceCredentials, deps: OpenDeviceDeps, o: OpenDeviceOptions, acceptHostKey?: string): Promise<OpenedDevice> {
  try {
    const opened = await deps.connector.openWith(
      { target, ask: appAsk(acceptHostKey), signal: o.signal, ...(o.label ? { label: o.label } : {}), ...(o.tee ? { tee: o.tee } : {}), ...(o.onStatus ? { onStatus: o.onStatus } : {}) },
      credentials,
    );
    return { ...opened, target, credentials };
  } catch (e) {
    throw forTheApp(e, acceptHostKey, deps.connector.knownHosts);
  }
}
