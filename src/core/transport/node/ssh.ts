/**
 * SSH shell transport over node-ssh (which drives ssh2): password, key or keyboard-interactive
 * authentication, host key checked against the known-hosts store before any credential is sent,
 * legacy algorithms that Comware 7.1.0xx devices need (ssh-rsa host keys, group14-sha1 kex)
 * appended after the modern ones, a ready timeout and keepalives so a dead peer is noticed. The
 * same connection reads files off the device over SFTP (the saved configuration before a push).
 */
import { connect as tcpConnect, type Socket } from 'node:net';
import { NodeSSH, SSHError, type Config } from 'node-ssh';
import type { ClientChannel, ConnectConfig } from 'ssh2';
import { abortError } from '../../base/abort';
import { AppError } from '../../base/errors';
import type { HostKeyPolicy, KnownHostsStore } from '../../known-hosts';
import { BaseTransport } from '../base';
import { internalError } from '../internal-error';
import { readSftpFile } from './sftp-read';

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

export const SSH_READY_TIMEOUT_MS = 15_000;

type Ssh2Error = Error & { level?: string; code?: string };

export class SshTransport extends BaseTransport {
  readonly kind = 'ssh' as const;
  readonly label: string;
  readonly bytesPerSecond = undefined;
  private ssh: NodeSSH | undefined;
  /** Our own TCP connection, handed to ssh2: write() corks it without reaching into ssh2. */
  private sock: Socket | undefined;
  private stream: ClientChannel | undefined;
  private hostKeyError: AppError | undefined;

  constructor(private readonly o: SshTransportOptions) {
    super();
    this.label = `ssh ${o.username}@${o.host.includes(':') ? `[${o.host}]` : o.host}:${o.port}`;
  }

  open(signal?: AbortSignal): Promise<void> {
    if (this.state !== 'new') return Promise.reject(internalError(`${this.label}: open() called twice`));
    if (signal?.aborted) return Promise.reject(abortError(signal));
    this.state = 'opening';
    const ssh = new NodeSSH();
    this.ssh = ssh;
    // still connecting when handed over: ssh2 then waits for 'connect' under its ready timeout and
    // reports refusal and DNS failures as socket errors, exactly as when it dials itself.
    // Interactive CLI trades in small packets: Nagle would hold each for the peer's delayed ACK
    const sock = tcpConnect({ host: this.o.host, port: this.o.port, noDelay: true });
    this.sock = sock;
    // ssh2 adds its own listener; this one only keeps a socket that node-ssh rejected before
    // handing it on from crashing the process
    sock.on('error', () => undefined);
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (e: AppError) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        this.state = 'closed';
        ssh.connection?.end();
        sock.destroy();
        reject(e);
      };
      const onAbort = () => fail(abortError(signal!));
      signal?.addEventListener('abort', onAbort, { once: true });
      const connecting = ssh.connect(this.config(sock));
      // node-ssh creates the ssh2 Client synchronously inside connect(); its own listeners go away
      // once the connection is ready, ours stay for the life of the session
      const client = ssh.connection;
      if (client) {
        client.on('error', (err: Ssh2Error) => {
          if (!settled) fail(this.mapError(err));
          else this.markClosed(this.mapError(err));
        });
        client.on('close', () => {
          if (!settled) fail(this.hostKeyError ?? this.setupClosed());
          else this.markClosed(new AppError('DISCONNECTED', `${this.label}: the connection closed.`, { message: { key: 'error.disconnected.closed', params: { label: this.label } } }));
        });
      }
      connecting
        .then(async () => {
          if (settled) return;
          // wider than the longest command line (511): the device never wraps or scrolls our echo
          const stream = await ssh.requestShell({ term: 'vt100', cols: 512, rows: 50 }).catch((err: Error) => {
            throw new AppError('CONNECT_FAILED', `${this.label}: the device refused a shell: ${err.message}`, { message: { key: 'error.connect-failed.no-shell', params: { label: this.label, reason: err.message } } });
          });
          if (settled) return void stream.close();
          this.stream = stream;
          stream.on('data', (d: Buffer) => this.emitData(new Uint8Array(d.buffer, d.byteOffset, d.length)));
          stream.stderr.on('data', (d: Buffer) => this.emitData(new Uint8Array(d.buffer, d.byteOffset, d.length)));
          stream.on('close', () => {
            this.markClosed(new AppError('DISCONNECTED', `${this.label}: the device closed the session.`, { message: { key: 'error.disconnected.by-device', params: { label: this.label } } }));
            ssh.connection?.end();
          });
          settled = true;
          signal?.removeEventListener('abort', onAbort);
          this.state = 'open';
          resolve();
        })
        .catch((err: unknown) => fail(this.setupError(err)));
    });
  }

  private config(sock: Socket): Config {
    const o = this.o;
    const cfg: Config = {
      sock,
      username: o.username,
      readyTimeout: o.readyTimeoutMs ?? SSH_READY_TIMEOUT_MS,
      keepaliveInterval: o.keepaliveIntervalMs ?? 10_000,
      keepaliveCountMax: o.keepaliveCountMax ?? 3,
      tryKeyboard: o.password !== undefined,
      // every password-like prompt gets the password, anything else an empty answer: a device
      // that asks two questions must not hang waiting for the second
      onKeyboardInteractive: (_name, _instr, _lang, prompts, finish) =>
        finish(prompts.map((p) => (/pass(word|code)/i.test(p.prompt) && o.password !== undefined ? o.password : ''))),
      hostVerifier: (key: Buffer, verify: (ok: boolean) => void) => {
        o.knownHosts.verify(o.host, o.port, new Uint8Array(key), o.hostKeyPolicy).then(
          () => verify(true),
          (e: unknown) => {
            this.hostKeyError = e instanceof AppError ? e : internalError(String(e), { cause: e });
            verify(false);
          },
        );
      },
    } as Config;
    if (o.password !== undefined) cfg.password = o.password;
    // node-ssh takes key text only
    if (o.privateKey !== undefined) cfg.privateKey = typeof o.privateKey === 'string' ? o.privateKey : o.privateKey.toString('utf8');
    if (o.passphrase !== undefined) cfg.passphrase = o.passphrase;
    if (o.legacyAlgorithms !== false) cfg.algorithms = LEGACY as ConnectConfig['algorithms'];
    return cfg;
  }

  /**
   * A rejection of connect() or of the shell request. Socket and protocol errors were already
   * reported through the client's error event; what is left was thrown before any packet went out
   * (unreadable key, wrong passphrase) or is our own AppError.
   */
  private setupError(err: unknown): AppError {
    if (this.hostKeyError) return this.hostKeyError;
    if (err instanceof AppError) return err;
    if (err instanceof SSHError) return this.setupClosed();
    const e = err as Ssh2Error;
    if (e.level !== undefined) return this.mapError(e);
    return new AppError('AUTH_FAILED', `${this.label}: cannot use the credentials: ${e.message}`, {
      fix: 'Check the --identity key file and its passphrase.',
      message: { key: 'error.auth-failed.credentials-unusable', params: { label: this.label, reason: e.message } },
    });
  }

  private setupClosed(): AppError {
    return new AppError('CONNECT_FAILED', `${this.label}: the server closed the connection during setup.`, { message: { key: 'error.connect-failed.setup-closed', params: { label: this.label } } });
  }

  private mapError(err: Ssh2Error): AppError {
    if (this.hostKeyError) return this.hostKeyError;
    const at = this.label;
    if (err.level === 'client-authentication') {
      const method = this.o.privateKey ? 'key' : 'password';
      return new AppError('AUTH_FAILED', `${at}: the device refused the credentials (${method}).`, {
        fix: 'Check the user name and password or key; the device may also limit SSH to some users (service-type ssh).',
        message: { key: 'error.auth-failed.ssh-refused', params: { label: at, method } },
      });
    }
    if (err.level === 'client-timeout') {
      return this.state === 'open'
        ? new AppError('DISCONNECTED', `${at}: the device stopped answering keepalives.`, { message: { key: 'error.disconnected.keepalive', params: { label: at } } })
        : this.handshakeTimeout(at, Math.round((this.o.readyTimeoutMs ?? SSH_READY_TIMEOUT_MS) / 1000));
    }
    const reason = String(err.code ?? err.message);
    if (this.state === 'open') return new AppError('DISCONNECTED', `${at}: the connection was lost (${reason}).`, { message: { key: 'error.disconnected.lost', params: { label: at, reason } } });
    if (err.message.includes('Unsupported algorithm') || err.message.includes('No matching')) {
      return new AppError('CONNECT_FAILED', `${at}: no common SSH algorithm with the device: ${err.message}`, {
        message: { key: 'error.connect-failed.no-algorithm', params: { label: at, reason: err.message } },
      });
    }
    return new AppError('CONNECT_FAILED', `${at}: cannot connect (${reason}).`, {
      fix: 'Check the address, port, routing and that SSH is enabled on the device.',
      message: { key: 'error.connect-failed.ssh', params: { label: at, reason } },
    });
  }

  private handshakeTimeout(at: string, seconds: number): AppError {
    return new AppError('TIMEOUT', `${at}: no SSH handshake within ${seconds} s.`, {
      fix: 'Check the address, the port and that `ssh server enable` is set on the device.',
      message: { key: 'error.timeout.ssh-handshake', params: { label: at, timeout: 'ssh-ready', seconds: String(seconds) } },
    });
  }

  write(data: string | Uint8Array): Promise<void> {
    const s = this.stream;
    if (this.state !== 'open' || !s) return Promise.reject(this.notOpenError());
    // ssh2 hands one SSH packet to the socket as three writes (length, ciphertext, MAC); with Nagle
    // off each would leave as its own TCP segment and wake the device for a piece of a packet
    const sock = this.sock;
    return new Promise((resolve, reject) => {
      sock?.cork();
      try {
        s.write(typeof data === 'string' ? data : Buffer.from(data), (err?: Error | null) => (err ? reject(this.notOpenError()) : resolve()));
      } finally {
        sock?.uncork();
      }
    });
  }

  /**
   * A file off the device over SFTP on the same connection, byte for byte. UNSUPPORTED when the
   * device refuses the SFTP subsystem (`sftp server enable` not set), NOT_FOUND for a missing file.
   */
  async readFile(path: string, signal?: AbortSignal): Promise<Uint8Array> {
    const ssh = this.ssh;
    if (this.state !== 'open' || !ssh) throw this.notOpenError();
    if (signal?.aborted) throw abortError(signal);
    let sftp;
    try {
      sftp = await ssh.requestSFTP();
    } catch (e) {
      const reason = (e as Error).message;
      throw new AppError('UNSUPPORTED', `${this.label}: the device refused SFTP (${reason}).`, {
        fix: 'Enable it with `sftp server enable` (system view) to keep byte-exact copies.',
        message: { key: 'error.unsupported.sftp-refused', params: { label: this.label, reason } },
      });
    }
    try {
      return await readSftpFile(sftp, path, this.label, signal);
    } finally {
      sftp.end();
    }
  }

  resize(cols: number, rows: number): void {
    // ssh2 takes rows first; pixel sizes 0 = unknown
    this.stream?.setWindow(rows, cols, 0, 0);
  }

  async close(): Promise<void> {
    const wasOpen = this.state === 'open';
    this.markClosed();
    if (this.state === 'closed' && !wasOpen && !this.ssh) return;
    this.stream?.close();
    this.ssh?.connection?.end();
    // node-ssh forgets the client once it ends; the socket is ours to finish
    this.sock?.end();
  }
}
