import type { AddressInfo, Socket } from 'node:net';
// ssh2 is CommonJS: under plain Node ESM (bin/hotpair.mjs) only its default export is importable.
import ssh2, { type Algorithms, type AuthContext, type Connection, type ServerChannel } from 'ssh2';
import type { TerminalSession } from '../device/seam';
import type { AuthorizedKeys } from './authorized-keys';
import { serveFlash } from './sftp-flash';

export type TerminalOpener = (opts: { kind: 'ssh'; username: string }) => TerminalSession;

export interface SshHostOptions {
  host: string;
  /** 0 = any free port. */
  port: number;
  hostKey: string;
  /** Password check against the device's local users. */
  checkPassword(username: string, password: string): boolean;
  keys: AuthorizedKeys;
  open: TerminalOpener;
  /** The device's flash folder, served read-only over SFTP; absent = the SFTP subsystem is refused (`sftp server enable` not set). */
  flashDir?: string;
}

/** The banner of a SecPath on Comware 7.1.064 (the vendor CLI notes, netmiko issue #2776). */
export const SSH_IDENT = 'Comware-7.1.064';

/**
 * What a 7.1.064 device offers: an ssh-rsa host key only, and legacy kex (group14-sha1,
 * group-exchange-sha1, group1-sha1) next to the ECDH ones — so modern clients need
 * HostKeyAlgorithms=+ssh-rsa, exactly as against the real device.
 */
export const SSH_ALGORITHMS: Algorithms = {
  kex: [
    'ecdh-sha2-nistp256',
    'ecdh-sha2-nistp384',
    'ecdh-sha2-nistp521',
    'diffie-hellman-group-exchange-sha256',
    'diffie-hellman-group14-sha256',
    'diffie-hellman-group-exchange-sha1',
    'diffie-hellman-group14-sha1',
    'diffie-hellman-group1-sha1',
  ],
  serverHostKey: ['ssh-rsa'],
  cipher: ['aes128-ctr', 'aes192-ctr', 'aes256-ctr', 'aes128-gcm@openssh.com', 'aes256-gcm@openssh.com', 'aes128-cbc', 'aes256-cbc'],
  hmac: ['hmac-sha2-256', 'hmac-sha2-512', 'hmac-sha1'],
  compress: ['none'],
};

/**
 * A device's SSH server on 127.0.0.1: password and public-key authentication, shell channels
 * bridged to a CLI terminal, exec channels that run one command and log out, and SFTP reading the
 * device's flash folder. It can be suspended (device powered off: the port stops answering and
 * sessions drop) and resumed on the same port.
 */
export class SshHost {
  private server?: InstanceType<typeof ssh2.Server>;
  private readonly clients = new Set<Connection>();
  private boundPort = 0;

  constructor(private readonly opts: SshHostOptions) {}

  get port(): number {
    return this.boundPort;
  }

  async start(): Promise<number> {
    if (this.server) return this.boundPort;
    const server = new ssh2.Server({ hostKeys: [this.opts.hostKey], ident: SSH_IDENT, algorithms: SSH_ALGORITHMS }, (c) => this.client(c));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e: NodeJS.ErrnoException) => {
        this.server = undefined;
        const port = this.boundPort || this.opts.port;
        reject(e.code === 'EADDRINUSE' ? new Error(`SSH port ${port} on ${this.opts.host} is in use (another lab?); choose other ports (--ssh-port-base, 0 = any free port)`) : e);
      });
      server.listen(this.boundPort || this.opts.port, this.opts.host, () => {
        server.removeAllListeners('error');
        server.on('error', () => undefined);
        resolve();
      });
    });
    this.boundPort = (server.address() as AddressInfo).port;
    return this.boundPort;
  }

  /** Stop answering and drop sessions (power-off, lab stop). */
  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    for (const c of this.clients) c.end();
    this.clients.clear();
    if (s) await new Promise<void>((r) => s.close(() => r()));
  }

  private client(c: Connection): void {
    // An interactive CLI echoes one character at a time: with Nagle on, each echo waits for the
    // client's delayed ACK (~40 ms a line). OpenSSH sets TCP_NODELAY for interactive sessions too.
    (c as Connection & { setNoDelay(noDelay: boolean): void }).setNoDelay(true); // in ssh2, missing from its typings
    this.clients.add(c);
    let username = '';
    c.on('error', () => undefined);
    c.on('close', () => this.clients.delete(c));
    c.on('authentication', (ctx) => {
      username = ctx.username;
      this.authenticate(ctx);
    });
    c.on('ready', () => {
      c.on('session', (acceptSession) => {
        const session = acceptSession();
        session.on('pty', (accept) => accept?.());
        session.on('window-change', (accept) => accept?.());
        session.on('env', (accept) => accept?.());
        session.on('shell', (accept) => this.bridge(c, accept(), username));
        session.on('exec', (accept, _reject, info) => this.bridge(c, accept(), username, info.command));
        session.on('sftp', (accept, reject) => (this.opts.flashDir === undefined ? reject() : serveFlash(accept(), this.opts.flashDir)));
      });
    });
  }

  private authenticate(ctx: AuthContext): void {
    if (ctx.method === 'password') {
      return this.opts.checkPassword(ctx.username, ctx.password) ? ctx.accept() : ctx.reject(['password', 'publickey']);
    }
    if (ctx.method === 'publickey') {
      const key = this.opts.keys.match(ctx.username, ctx.key.algo, ctx.key.data);
      if (!key) return ctx.reject(['password', 'publickey']);
      if (!ctx.signature || !ctx.blob) return ctx.accept(); // the client asks whether this key would do
      return key.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true ? ctx.accept() : ctx.reject(['password', 'publickey']);
    }
    ctx.reject(['password', 'publickey']);
  }

  private bridge(c: Connection, stream: ServerChannel, username: string, command?: string): void {
    const term = this.opts.open({ kind: 'ssh', username });
    let open = true;
    // The terminal echoes key by key, but a device answers a packet of keys with one packet: what
    // one input chunk produces (echo, output, prompt) leaves in one write, not one SSH packet each.
    // Output with no input behind it (log lines, the banner) goes out as it comes.
    let pending: string | undefined;
    const send = (text: string) => {
      if (text && open) corked(c, () => stream.write(Buffer.from(text, 'utf8')));
    };
    const flush = () => {
      if (pending !== undefined) send(pending);
      pending = undefined;
    };
    const batched = (input: string) => {
      pending = '';
      try {
        term.write(input);
      } finally {
        flush();
      }
    };
    const out = term.onOutput((d) => {
      if (pending !== undefined) pending += d;
      else send(d);
    });
    const closed = term.onClose(() => {
      if (!open) return;
      flush();
      open = false;
      stream.exit(0);
      stream.end();
    });
    stream.on('data', (d: Buffer) => batched(d.toString('utf8')));
    stream.on('error', () => undefined);
    stream.on('close', () => {
      open = false;
      out.dispose();
      closed.dispose();
      term.close();
    });
    // exec: the command, then `quit` so the session ends once it has run (a real device closes the channel).
    if (command !== undefined) batched(`${command}\rquit\r`);
  }
}

/**
 * ssh2 hands one SSH packet to the socket as three writes (length, ciphertext, MAC); with Nagle
 * off each would leave as its own TCP segment and wake the peer for a piece of a packet. A device
 * sends a packet whole, so the writes are held and leave together. The socket is ssh2's own.
 */
function corked(c: Connection, write: () => void): void {
  const sock = (c as Connection & { _sock?: Pick<Socket, 'cork' | 'uncork'> })._sock;
  sock?.cork();
  try {
    write();
  } finally {
    sock?.uncork();
  }
}
