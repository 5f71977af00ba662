/**
 * The one way a device is reached, for the CLI, the app's console, its pairing wizard and bundle
 * apply: the login completed from what the caller knows (or by asking), the known-hosts store
 * with its host-key question, a transcript file (redacted by the recorder before any sink sees
 * it), then the session (open.ts). What differs between callers is only how a question is asked
 * (a terminal prompt, a dialog answered in advance) and the words of a refusal: `ConnectAsk`.
 */
import { readFile } from 'node:fs/promises';
import type { Message } from '../../base/message';
import { AppError } from '../../base/errors';
import { FileTranscriptSink } from '../../channel/node/file-transcript';
import type { TranscriptSink } from '../../channel/transcript';
import type { HostKeyPolicy, KnownHostsStore } from '../../known-hosts';
import type { ConnectTarget } from '../../model/connect';
import type { PlatformPack } from '../../platforms/pack';
import { openKnownHosts } from '../../transport/node/known-hosts-file';
import type { SessionTimeouts } from '../session';
import { openSession, transcriptLabel, type DeviceCredentials, type OpenedSession } from './open';

/** What the caller already knows about the login; the rest is asked or refused. */
export interface LoginInput {
  /** Used when the URL names no user (a console URL never does). */
  username?: string;
  password?: string;
  newPassword?: string;
  /** An SSH private key file, read here. */
  identityFile?: string;
  passphrase?: string;
}

export interface HostKeyQuestion {
  host: string;
  port: number;
  type: string;
  fingerprint: string;
}

export type Missing = 'username' | 'password';

/** How this caller asks and refuses. A question left out means nobody can be asked. */
export interface ConnectAsk {
  askUsername?(question: string): Promise<string>;
  /** Without echo. */
  askPassword?(question: string): Promise<string>;
  /** A first-seen SSH key; true records it. Absent: refused with HOST_KEY_UNKNOWN and the fingerprint. A changed key is never asked about. */
  confirmHostKey?(key: HostKeyQuestion): Promise<boolean>;
  /** The refusal when a needed value is missing and cannot be asked, in the caller's words. */
  missing(what: Missing, target: ConnectTarget): AppError;
}

export interface ConnectRequest {
  target: ConnectTarget;
  login: LoginInput;
  ask: ConnectAsk;
  signal: AbortSignal;
  /** Names the transcript file; default: host-port or the port's name. */
  label?: string;
  /** Wraps the transcript file (a live view, an in-memory copy for download). */
  tee?: (file: TranscriptSink) => TranscriptSink;
  /** Instead of a transcript file (a monitor polling for hours would fill the disk with them). */
  transcript?: TranscriptSink;
  /** How long the SSH handshake may take; a poll gives up sooner than an engineer would. */
  readyTimeoutMs?: number;
  onStatus?: (message: string, said?: Message) => void;
  pack?: PlatformPack;
  timeouts?: Partial<SessionTimeouts>;
}

export interface DeviceConnectorOptions {
  /** Default: known_hosts in the user's data dir, shared by the CLI and the app. */
  knownHostsFile?: string;
  /** A store of the caller's own (the app's lab pair keeps its keys in memory). */
  knownHosts?: KnownHostsStore;
  transcriptDir?: string;
}

export class DeviceConnector {
  /**
   * One store for every connection made here. Its writes are serialised per file (known-hosts.ts):
   * both devices of a pair are usually first contacted at the same moment, and two interleaved
   * rewrites of the file would lose one key.
   */
  readonly knownHosts: KnownHostsStore;
  private questions: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: DeviceConnectorOptions = {}) {
    this.knownHosts = o.knownHosts ?? (o.knownHostsFile ? openKnownHosts(o.knownHostsFile) : openKnownHosts());
  }

  /**
   * Questions one at a time: devices A and B connect concurrently, and two prompts (or a password
   * prompt and a fingerprint question) on one terminal at once would interleave their answers.
   */
  private oneAtATime<T>(f: () => Promise<T>): Promise<T> {
    const next = this.questions.then(f);
    this.questions = next.catch(() => undefined);
    return next;
  }

  /** User from the URL, else the login, else asked; a password unless an SSH key stands in for it. */
  async credentials(target: ConnectTarget, login: LoginInput, ask: ConnectAsk): Promise<DeviceCredentials> {
    const c: DeviceCredentials = {};
    const user = (target.kind === 'ssh' ? target.username : undefined) ?? login.username;
    if (user) c.username = user;
    else if (ask.askUsername) c.username = (await this.oneAtATime(() => ask.askUsername!('login: '))).trim();
    if (!c.username) throw ask.missing('username', target);
    if (login.identityFile) {
      try {
        c.privateKey = await readFile(login.identityFile);
      } catch (e) {
        const reason = (e as NodeJS.ErrnoException).code ?? 'unreadable';
        throw new AppError('VALIDATION', `Cannot read the key file ${login.identityFile} (${reason}).`, {
          fix: 'Give the path of a private key file on this machine.',
          message: { key: 'error.validation.key-file', params: { path: login.identityFile, reason } },
        });
      }
      if (login.passphrase !== undefined) c.passphrase = login.passphrase;
    }
    if (login.password !== undefined && login.password !== '') c.password = login.password;
    else if (!c.privateKey || target.kind === 'serial') {
      if (!ask.askPassword) throw ask.missing('password', target);
      const username = c.username;
      c.password = await this.oneAtATime(() => ask.askPassword!(`${username}'s password: `));
    }
    if (login.newPassword !== undefined) c.newPassword = login.newPassword;
    return c;
  }

  /** The store plus this caller's answer to a first-seen key, asked in turn with every other question. */
  hostKeyPolicy(ask: ConnectAsk): HostKeyPolicy {
    const confirm = ask.confirmHostKey;
    return confirm ? { confirmNew: (key) => this.oneAtATime(() => confirm(key)) } : {};
  }

  /** A logged-in session with its transcript; on failure nothing is left open. */
  async open(r: ConnectRequest): Promise<OpenedSession> {
    const credentials = await this.credentials(r.target, r.login, r.ask);
    return this.openWith(r, credentials);
  }

  /** As open(), with credentials already resolved (a reconnect reuses the first login's). */
  openWith(r: Omit<ConnectRequest, 'login'>, credentials: DeviceCredentials): Promise<OpenedSession> {
    const label = r.label ?? transcriptLabel(r.target);
    const sink = () => {
      if (r.transcript) return r.transcript;
      const file = new FileTranscriptSink(label, this.o.transcriptDir ? { dir: this.o.transcriptDir } : {});
      return r.tee ? r.tee(file) : file;
    };
    return openSession({
      target: r.target,
      credentials,
      knownHosts: this.knownHosts,
      hostKeyPolicy: this.hostKeyPolicy(r.ask),
      transcriptSink: sink(),
      ...(r.readyTimeoutMs !== undefined ? { readyTimeoutMs: r.readyTimeoutMs } : {}),
      deviceLabel: label,
      signal: r.signal,
      ...(r.onStatus ? { onStatus: r.onStatus } : {}),
      ...(r.pack ? { pack: r.pack } : {}),
      ...(r.timeouts ? { timeouts: r.timeouts } : {}),
    });
  }
}
