/**
 * The devices the pairing wizard connected, held by the host between steps (connect → discover →
 * plan → push). Mirrors the CLI's connect path (src/cli/connect-session.ts): core's openSession,
 * the known-hosts store, auto-baud, a file transcript — with the host-key question answered by a
 * dialog instead of a terminal prompt. Credentials stay in this process's memory for as long as
 * the connection is held, because a rollback may have to log in again; they are never written
 * to disk, logged, or sent back to a renderer.
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '../../core/base/errors';
import { FileTranscriptSink } from '../../core/channel/node/file-transcript';
import { compareFacts, type FactMismatch } from '../../core/discover/compare';
import { discover } from '../../core/discover/discover';
import { parseConnectUrl, type ConnectTarget } from '../../core/model/connect';
import type { DeviceFacts } from '../../core/model/facts';
import { comware7 } from '../../core/platforms/comware7';
import { openSession, type DeviceCredentials } from '../../core/session/node/open';
import type { Session } from '../../core/session/types';
import type { ConnectOutput, ParsedInput } from '../../contract/index';
import { borrowed } from './borrowed';
import { forTheApp, hostKeyStore, knownFingerprint, policyFor } from './host-keys';
import type { DeviceKey } from './output-batcher';
import { TeeTranscriptSink } from './tee-sink';

interface Held {
  target: ConnectTarget;
  credentials: DeviceCredentials;
  session: Session;
  info: ConnectOutput;
  facts?: DeviceFacts;
}

export interface DeviceManagerOptions {
  /** The CLI's files unless given (tests): trust given in one is honoured by the other. */
  knownHostsFile?: string;
  transcriptDir?: string;
  /** Redacted device text for the live console (the caller batches it). */
  output(device: DeviceKey, text: string): void;
  /** The built-in lab's login when `target` is one of its devices (so a newcomer needs no password); never sent out. */
  labLogin?(target: ConnectTarget): { username: string; password: string } | undefined;
}

const up = (k: DeviceKey) => k.toUpperCase();

export class DeviceManager {
  private readonly held: Partial<Record<DeviceKey, Held>> = {};
  private readonly busy = new Map<DeviceKey, string>();
  private readonly knownHosts;

  constructor(private readonly o: DeviceManagerOptions) {
    this.knownHosts = hostKeyStore(o.knownHostsFile);
  }

  async connect(input: ParsedInput<'devices.connect'>, signal: AbortSignal, status: (step: string) => void): Promise<ConnectOutput> {
    const k = input.device;
    const parsed = parseConnectUrl(input.url);
    if (!parsed.ok) throw new AppError('VALIDATION', `Device ${up(k)}: ${parsed.message}.`, { fix: 'Write it as ssh://admin@192.0.2.11:22 or serial:///dev/ttyUSB0?baud=auto.' });
    const target = parsed.target;
    const credentials = await credentialsFor(target, input, this.o.labLogin?.(target));
    this.claim(k, 'connecting');
    try {
      await this.drop(k); // a reconnect replaces the old session
      const session = await this.open(k, target, credentials, signal, input.acceptHostKey, status);
      const s = session.opened;
      const info: ConnectOutput = {
        device: k,
        kind: target.kind,
        label: s.transport.label,
        prompt: s.session.prompt.text,
        sysname: s.session.prompt.hostname,
        transcript: s.transcriptPath,
        ...(s.baud !== undefined ? { baud: s.baud, autoBaud: target.kind === 'serial' && target.baud === undefined } : {}),
        ...(target.kind === 'ssh' ? { fingerprint: await knownFingerprint(this.knownHosts, target.host, target.port) } : {}),
      };
      this.held[k] = { target, credentials, session: s.session, info };
      return info;
    } finally {
      this.release(k);
    }
  }

  private async open(k: DeviceKey, target: ConnectTarget, credentials: DeviceCredentials, signal: AbortSignal, acceptHostKey: string | undefined, status: (step: string) => void) {
    const label = target.kind === 'ssh' ? `${target.host}-${target.port}` : (target.path.split('/').pop() ?? 'serial');
    const file = new FileTranscriptSink(`wizard-${k}-${label}`, this.o.transcriptDir ? { dir: this.o.transcriptDir } : {});
    try {
      const opened = await openSession({
        target,
        credentials,
        knownHosts: this.knownHosts,
        hostKeyPolicy: policyFor(acceptHostKey),
        transcriptSink: new TeeTranscriptSink(file, (text) => this.o.output(k, text)),
        deviceLabel: label,
        signal,
        onStatus: status,
      });
      return { opened };
    } catch (e) {
      throw forTheApp(e, acceptHostKey, this.knownHosts);
    }
  }

  /** A logged-in session for the workflow: the live one lent, or a fresh login if it died. */
  async sessionFor(k: DeviceKey, signal: AbortSignal): Promise<Session> {
    const h = this.held[k];
    if (!h) throw notConnected(k);
    if (!h.session.closed) return borrowed(h.session);
    const { opened } = await this.open(k, h.target, h.credentials, signal, undefined, () => undefined);
    h.session = opened.session;
    return borrowed(h.session);
  }

  async discover(keys: readonly DeviceKey[], signal: AbortSignal, step: (text: string) => void): Promise<{ facts: Partial<Record<DeviceKey, DeviceFacts>>; mismatches?: FactMismatch[] }> {
    for (const k of keys) if (!this.held[k]) throw notConnected(k);
    await this.exclusive(keys, 'reading', () =>
      Promise.all(
        keys.map(async (k) => {
          const s = await this.sessionFor(k, signal);
          this.held[k]!.facts = await discover(s, { signal, pack: comware7, onStep: ({ command, index, total }) => step(`device ${up(k)}: ${index + 1}/${total} ${command}`) });
        }),
      ),
    );
    const facts = { a: this.held.a?.facts, b: this.held.b?.facts };
    return { facts: strip(facts), ...(facts.a && facts.b ? { mismatches: compareFacts(facts.a, facts.b) } : {}) };
  }

  facts(k: DeviceKey): DeviceFacts | undefined {
    return this.held[k]?.facts;
  }

  connected(k: DeviceKey): boolean {
    return this.held[k] !== undefined;
  }

  /** Runs `f` with both devices reserved, so a push never interleaves with a discovery on the same CLI. */
  async exclusive<T>(keys: readonly DeviceKey[], what: string, f: () => Promise<T>): Promise<T> {
    keys.forEach((k) => this.claim(k, what));
    try {
      return await f();
    } finally {
      keys.forEach((k) => this.release(k));
    }
  }

  async disconnect(k: DeviceKey): Promise<boolean> {
    if (this.busy.has(k)) throw new AppError('CONFLICT', `Device ${up(k)} is busy (${this.busy.get(k)}).`, { fix: 'Wait for it to finish or cancel it first.' });
    return this.drop(k);
  }

  async dispose(): Promise<void> {
    await Promise.all((['a', 'b'] as const).map((k) => this.drop(k)));
  }

  private async drop(k: DeviceKey): Promise<boolean> {
    const h = this.held[k];
    if (!h) return false;
    delete this.held[k];
    await h.session.close().catch(() => undefined);
    return true;
  }

  private claim(k: DeviceKey, what: string): void {
    const now = this.busy.get(k);
    if (now) throw new AppError('CONFLICT', `Device ${up(k)} is busy (${now}).`, { fix: 'Wait for it to finish or cancel it, then try again.' });
    this.busy.set(k, what);
  }

  private release(k: DeviceKey): void {
    this.busy.delete(k);
  }
}

function notConnected(k: DeviceKey): AppError {
  return new AppError('DISCONNECTED', `Device ${up(k)} is not connected.`, { fix: `Connect device ${up(k)} in step 1 of the wizard.` });
}

function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Who logs in, with what: the user from the URL (SSH) or the form, a password and/or a key file. */
async function credentialsFor(target: ConnectTarget, input: ParsedInput<'devices.connect'>, lab?: { username: string; password: string }): Promise<DeviceCredentials> {
  // A lab device with nothing typed: the lab's own account (it is printed by `hotpair lab` anyway).
  if (lab && !input.password && !input.identityFile) return { username: lab.username, password: lab.password };
  const username = (target.kind === 'ssh' ? target.username : undefined) ?? input.username;
  if (!username) throw new AppError('VALIDATION', 'No user name.', { fix: target.kind === 'ssh' ? 'Put it in the URL (ssh://admin@host:22) or fill in User.' : 'Fill in User: a console asks for a login.' });
  const c: DeviceCredentials = { username };
  if (input.password !== undefined && input.password !== '') c.password = input.password;
  if (input.identityFile) {
    try {
      c.privateKey = await readFile(input.identityFile);
    } catch (e) {
      throw new AppError('VALIDATION', `Cannot read the key file ${input.identityFile} (${(e as NodeJS.ErrnoException).code ?? 'unreadable'}).`, { fix: 'Give the path of a private key file on this machine.' });
    }
    if (input.passphrase) c.passphrase = input.passphrase;
  }
  if (c.password === undefined && c.privateKey === undefined) throw new AppError('VALIDATION', 'No password and no key file.', { fix: 'Type the device password (or give a key file for SSH).' });
  return c;
}
