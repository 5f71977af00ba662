import { Client, type ClientChannel } from 'ssh2';

/** Waiting for a prompt or a piece of output from a lab device over SSH. */
export const SSH_EXPECT_TIMEOUT_MS = 8_000;

/** A scripted SSH shell against a lab device (ssh2 client): send lines, wait for text. */
export class SshShell {
  buffer = '';
  private constructor(
    private readonly client: Client,
    private readonly stream: ClientChannel,
    readonly hostKey: Buffer,
  ) {}

  static connect(o: { host: string; port: number; username: string; password?: string; privateKey?: string }): Promise<SshShell> {
    return new Promise((resolve, reject) => {
      const c = new Client();
      let hostKey: Buffer = Buffer.alloc(0);
      c.on('error', reject);
      c.on('ready', () =>
        c.shell({ term: 'vt100', cols: 200, rows: 50 }, (err, s) => {
          if (err) return reject(err);
          const sh = new SshShell(c, s, hostKey);
          s.on('data', (b: Buffer) => (sh.buffer += b.toString('utf8')));
          resolve(sh);
        }),
      );
      c.connect({
        ...o,
        algorithms: { serverHostKey: ['ssh-rsa'] },
        hostVerifier: (key: Buffer) => {
          hostKey = key;
          return true;
        },
        readyTimeout: SSH_EXPECT_TIMEOUT_MS,
      });
    });
  }

  async expect(re: RegExp, timeoutMs = SSH_EXPECT_TIMEOUT_MS): Promise<string> {
    const t0 = Date.now();
    while (!re.test(this.buffer)) {
      if (Date.now() - t0 > timeoutMs) throw new Error(`no ${re} within ${timeoutMs} ms; got:\n${this.buffer.slice(-1500)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.buffer;
  }

  /** Sends a line, waits for the next prompt, returns what came in between. */
  async run(line: string, prompt = /(RBM_[PS])?[<[][^\r\n<>[\]]+[>\]]\s*$/): Promise<string> {
    this.buffer = '';
    this.stream.write(`${line}\r`);
    return this.expect(prompt);
  }

  close(): void {
    this.client.end();
  }
}
