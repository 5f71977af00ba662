/**
 * SSH shell transport over ssh2: password, key or keyboard-interactive authentication, host key
 * checked against the known-hosts store before any credential is sent, legacy algorithms that
 * Comware 7.1.0xx devices need (ssh-rsa host keys, group14-sha1 kex) appended after the modern
 * ones, a ready timeout and keepalives so a dead peer is noticed.
 */
import { Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import { abortError } from '../../base/abort';
import { AppError } from '../../base/errors';
import type { HostKeyPolicy, KnownHostsStore } from '../../known-hosts';
import { BaseTransport } from '../base';

export interface SshTransportOptions {
  host: string;
  port: number;
  username: string;
  password?: string;
  privateKey?: string | Buffer;
  passphrase?: string;
  knownHosts: KnownHostsStore;
  hostKeyPolicy: HostKeyPolicy;
  readyTimeoutMs?: number;
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
  /** Offer ssh-rsa / *-sha1 kex after the modern algorithms (default true: old firmware needs them). */
  legacyAlgorithms?: boolean;
}

const LEGACY = {
  serverHostKey: { append: ['ssh-rsa'] },
  kex: { append: ['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1'] },
};

export class SshTransport extends BaseTransport {
  readonly kind = 'ssh' as const;
  readonly label: string;
  readonly bytesPerSecond = undefined;
  private client: Client | undefined;
  private stream: ClientChannel | undefined;
  private hostKeyError: AppError | undefined;

  constructor(private readonly o: SshTransportOptions) {
    super();
    this.label = `ssh ${o.username}@${o.host.includes(':') ? `[${o.host}]` : o.host}:${o.port}`;
  }

  open(signal?: AbortSignal): Promise<void> {
    if (this.state !== 'new') return Promise.reject(new AppError('INTERNAL', `${this.label}: open() called twice`));
    if (signal?.aborted) return Promise.reject(abortError(signal));
    this.state = 'opening';
    const o = this.o;
    const client = new Client();
    this.client = client;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (e: AppError) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        this.state = 'closed';
        client.end();
        reject(e);
      };
      const onAbort = () => fail(abortError(signal!));
      signal?.addEventListener('abort', onAbort, { once: true });
      client.on('keyboard-interactive', (_name, _instr, _lang, prompts, finish) => {
        finish(prompts.map((p) => (/pass(word|code)/i.test(p.prompt) && o.password !== undefined ? o.password : '')));
      });
      client.on('error', (err: Error & { level?: string; code?: string }) => {
        const e = this.mapError(err);
        if (!settled) fail(e);
        else this.markClosed(e);
      });
      client.on('close', () => {
        if (!settled) fail(this.hostKeyError ?? new AppError('CONNECT_FAILED', `${this.label}: the server closed the connection during setup.`));
        else this.markClosed(new AppError('DISCONNECTED', `${this.label}: the connection closed.`));
      });
      // an interactive CLI trades in small packets: Nagle's algorithm would hold each one for
      // the peer's delayed ACK (~40 ms per command)
      client.on('connect', () => client.setNoDelay(true));
      client.on('ready', () => {
        // wider than the longest command line (511): the device never wraps or scrolls our echo
        client.shell({ term: 'vt100', cols: 512, rows: 50 }, (err, stream) => {
          if (err) return fail(new AppError('CONNECT_FAILED', `${this.label}: the device refused a shell: ${err.message}`));
          if (settled) return void stream.close();
          this.stream = stream;
          stream.on('data', (d: Buffer) => this.emitData(new Uint8Array(d.buffer, d.byteOffset, d.length)));
          stream.stderr.on('data', (d: Buffer) => this.emitData(new Uint8Array(d.buffer, d.byteOffset, d.length)));
          stream.on('close', () => {
            this.markClosed(new AppError('DISCONNECTED', `${this.label}: the device closed the session.`));
            client.end();
          });
          settled = true;
          signal?.removeEventListener('abort', onAbort);
          this.state = 'open';
          resolve();
        });
      });
      const cfg: ConnectConfig = {
        host: o.host,
        port: o.port,
        username: o.username,
        readyTimeout: o.readyTimeoutMs ?? 15_000,
        keepaliveInterval: o.keepaliveIntervalMs ?? 10_000,
        keepaliveCountMax: o.keepaliveCountMax ?? 3,
        tryKeyboard: o.password !== undefined,
        hostVerifier: (key: Buffer, verify: (ok: boolean) => void) => {
          o.knownHosts.verify(o.host, o.port, new Uint8Array(key), o.hostKeyPolicy).then(
            () => verify(true),
            (e: unknown) => {
              this.hostKeyError = e instanceof AppError ? e : new AppError('INTERNAL', String(e));
              verify(false);
            },
          );
        },
      } as ConnectConfig;
      if (o.password !== undefined) cfg.password = o.password;
      if (o.privateKey !== undefined) cfg.privateKey = o.privateKey;
      if (o.passphrase !== undefined) cfg.passphrase = o.passphrase;
      if (o.legacyAlgorithms !== false) cfg.algorithms = LEGACY as ConnectConfig['algorithms'];
      try {
        client.connect(cfg);
      } catch (e) {
        // ssh2 throws synchronously for unreadable keys and bad options
        fail(new AppError('AUTH_FAILED', `${this.label}: cannot use the credentials: ${(e as Error).message}`, { fix: 'Check the --identity key file and its passphrase.' }));
      }
    });
  }

  private mapError(err: Error & { level?: string; code?: string }): AppError {
    if (this.hostKeyError) return this.hostKeyError;
    const at = this.label;
    if (err.level === 'client-authentication') {
      return new AppError('AUTH_FAILED', `${at}: the device refused the credentials (${this.o.privateKey ? 'key' : 'password'}).`, {
        fix: 'Check the user name and password or key; the device may also limit SSH to some users (service-type ssh).',
      });
    }
    if (err.level === 'client-timeout') {
      return this.state === 'open'
        ? new AppError('DISCONNECTED', `${at}: the device stopped answering keepalives.`)
        : new AppError('TIMEOUT', `${at}: no SSH handshake within ${Math.round((this.o.readyTimeoutMs ?? 15_000) / 1000)} s.`, { fix: 'Check the address, the port and that `ssh server enable` is set on the device.' });
    }
    if (this.state === 'open') return new AppError('DISCONNECTED', `${at}: the connection was lost (${err.code ?? err.message}).`);
    if (err.message.includes('Unsupported algorithm') || err.message.includes('No matching')) {
      return new AppError('CONNECT_FAILED', `${at}: no common SSH algorithm with the device: ${err.message}`);
    }
    return new AppError('CONNECT_FAILED', `${at}: cannot connect (${err.code ?? err.message}).`, { fix: 'Check the address, port, routing and that SSH is enabled on the device.' });
  }

  write(data: string | Uint8Array): Promise<void> {
    const s = this.stream;
    if (this.state !== 'open' || !s) return Promise.reject(this.notOpenError());
    return new Promise((resolve, reject) => {
      s.write(typeof data === 'string' ? data : Buffer.from(data), (err?: Error | null) => (err ? reject(this.notOpenError()) : resolve()));
    });
  }

  resize(cols: number, rows: number): void {
    // ssh2 takes rows first; pixel sizes 0 = unknown
    this.stream?.setWindow(rows, cols, 0, 0);
  }

  async close(): Promise<void> {
    const wasOpen = this.state === 'open';
    this.markClosed();
    if (this.state === 'closed' && !wasOpen && !this.client) return;
    this.stream?.close();
    this.client?.end();
  }
}
