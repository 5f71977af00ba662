/**
 * Host-key trust, OpenSSH style: a known_hosts-format file (`[host]:port type base64`), SHA256
 * fingerprints shown exactly as `ssh` shows them, first contact refused unless the caller
 * accepts (a prompt, or accept-new for scripts), and a changed key always refused with both
 * fingerprints. Storage and hashing are injected so this stays pure.
 */
import { AppError } from './base/errors';

export interface HostKey {
  /** `ssh-rsa`, `ssh-ed25519`, `ecdsa-sha2-nistp256` … */
  type: string;
  /** The key blob in base64, as in known_hosts. */
  base64: string;
}

export interface KnownHostsStorage {
  readonly location: string;
  read(): Promise<string | undefined>;
  write(text: string): Promise<void>;
}

export type Sha256 = (data: Uint8Array) => Uint8Array;

export interface HostKeyPolicy {
  /** Record a first-seen key without asking (OpenSSH StrictHostKeyChecking=accept-new). */
  acceptNew?: boolean;
  /** Ask the user about a first-seen key; true records it. Never asked about a changed key. */
  confirmNew?: (info: { host: string; port: number; type: string; fingerprint: string }) => Promise<boolean>;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array, pad = true): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const left = bytes.length - i;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (left > 1 ? B64[(n >> 6) & 63]! : pad ? '=' : '') + (left > 2 ? B64[n & 63]! : pad ? '=' : '');
  }
  return out;
}

export function fromBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (const ch of clean) {
    acc = (acc << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** `SHA256:` + unpadded base64 of the digest of the key blob — what `ssh-keygen -l` prints. */
export function fingerprint(blob: Uint8Array, sha256: Sha256): string {
  return `SHA256:${toBase64(sha256(blob), false)}`;
}

/** The key type named inside an SSH wire-format key blob (a length-prefixed string). */
export function keyTypeOf(blob: Uint8Array): string {
  if (blob.length < 4) return 'unknown';
  const n = ((blob[0]! << 24) | (blob[1]! << 16) | (blob[2]! << 8) | blob[3]!) >>> 0;
  if (n > 64 || blob.length < 4 + n) return 'unknown';
  return String.fromCharCode(...blob.subarray(4, 4 + n));
}

export interface KnownHostEntry {
  host: string;
  port: number;
  type: string;
  fingerprint: string;
}

/** `host` → port 22, `[host]:port` → that port; wildcard and hashed patterns → undefined. */
export function parsePattern(p: string): { host: string; port: number } | undefined {
  if (!p || p.startsWith('|') || p.startsWith('!') || /[*?]/.test(p)) return undefined;
  const m = /^\[(.+)\]:(\d+)$/.exec(p);
  return m ? { host: m[1]!, port: Number(m[2]) } : { host: p, port: 22 };
}

/** The known_hosts host pattern: bare host on port 22, `[host]:port` otherwise. */
export function hostPattern(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/**
 * Read-modify-write of one known_hosts file, one at a time per file in this process: connecting
 * both devices of a pair accepts two keys at once, and two interleaved rewrites lose one of them.
 */
const fileLocks = new Map<string, Promise<unknown>>();
function exclusive<T>(location: string, f: () => Promise<T>): Promise<T> {
  const prev = fileLocks.get(location) ?? Promise.resolve();
  const run = prev.then(f, f);
  const tail = run.catch(() => undefined);
  fileLocks.set(location, tail);
  void tail.then(() => fileLocks.get(location) === tail && fileLocks.delete(location));
  return run;
}

export class KnownHostsStore {
  constructor(
    private readonly storage: KnownHostsStorage,
    private readonly sha256: Sha256,
  ) {}

  get location(): string {
    return this.storage.location;
  }

  async lookup(host: string, port: number): Promise<HostKey | undefined> {
    const want = hostPattern(host, port);
    for (const line of ((await this.storage.read()) ?? '').split('\n')) {
      const [patterns, type, base64] = line.trim().split(/\s+/);
      if (!patterns || patterns.startsWith('#') || !type || !base64) continue;
      if (patterns.split(',').includes(want)) return { type, base64 };
    }
    return undefined;
  }

  add(host: string, port: number, key: HostKey): Promise<void> {
    return exclusive(this.storage.location, () => this.addNow(host, port, key));
  }

  private async addNow(host: string, port: number, key: HostKey): Promise<void> {
    const old = (await this.storage.read()) ?? '';
    const want = hostPattern(host, port);
    // one key per host and port: a replaced key (after the user removed the old line by hand) never stacks
    const kept = old.split('\n').filter((l) => l.trim() && !l.trim().split(/\s+/)[0]!.split(',').includes(want));
    await this.storage.write([...kept, `${want} ${key.type} ${key.base64}`].join('\n') + '\n');
  }

  /** Every readable entry, for the settings screen (hashed `|1|` patterns cannot be shown and are skipped). */
  async list(): Promise<KnownHostEntry[]> {
    const out: KnownHostEntry[] = [];
    for (const line of ((await this.storage.read()) ?? '').split('\n')) {
      const [patterns, type, base64] = line.trim().split(/\s+/);
      if (!patterns || patterns.startsWith('#') || !type || !base64) continue;
      const blob = fromBase64(base64);
      for (const p of patterns.split(',')) {
        const hp = parsePattern(p);
        if (hp) out.push({ ...hp, type, fingerprint: blob ? fingerprint(blob, this.sha256) : '(unreadable entry)' });
      }
    }
    return out;
  }

  /** Forget the key of one host and port (other patterns on a shared line are kept); true if one was removed. */
  remove(host: string, port: number): Promise<boolean> {
    return exclusive(this.storage.location, () => this.removeNow(host, port));
  }

  private async removeNow(host: string, port: number): Promise<boolean> {
    const want = hostPattern(host, port);
    let removed = false;
    const kept: string[] = [];
    for (const line of ((await this.storage.read()) ?? '').split('\n')) {
      if (!line.trim()) continue;
      const [patterns, ...rest] = line.trim().split(/\s+/);
      const list = patterns!.startsWith('#') ? [patterns!] : patterns!.split(',');
      const left = list.filter((p) => p !== want);
      if (left.length !== list.length) removed = true;
      if (left.length > 0) kept.push(left.length === list.length ? line : [left.join(','), ...rest].join(' '));
    }
    if (removed) await this.storage.write(kept.length ? kept.join('\n') + '\n' : '');
    return removed;
  }

  /**
   * Resolves when the presented key is trusted (known, or newly accepted and recorded); throws
   * HOST_KEY_UNKNOWN or HOST_KEY_MISMATCH otherwise.
   */
  async verify(host: string, port: number, blob: Uint8Array, policy: HostKeyPolicy): Promise<void> {
    const presented: HostKey = { type: keyTypeOf(blob), base64: toBase64(blob) };
    const fp = fingerprint(blob, this.sha256);
    const known = await this.lookup(host, port);
    if (known) {
      if (known.base64 === presented.base64) return;
      const oldBlob = fromBase64(known.base64);
      const oldFp = oldBlob ? fingerprint(oldBlob, this.sha256) : '(unreadable entry)';
      throw new AppError(
        'HOST_KEY_MISMATCH',
        `The host key of ${hostPattern(host, port)} has CHANGED: it was ${known.type} ${oldFp}, it is now ${presented.type} ${fp}. Someone could be intercepting the connection, or the device was replaced or re-keyed.`,
        {
          fix: `If the change is expected (device replaced, keys regenerated), remove the line for ${hostPattern(host, port)} from ${this.location} and connect again.`,
          details: { host, port, expected: oldFp, presented: fp, expectedType: known.type, presentedType: presented.type, knownHosts: this.location },
          message: {
            key: 'error.host-key-mismatch.changed',
            params: { host: hostPattern(host, port), expected: oldFp, presented: fp, expectedType: known.type, presentedType: presented.type, knownHosts: this.location },
          },
        },
      );
    }
    const accepted = policy.acceptNew || (policy.confirmNew ? await policy.confirmNew({ host, port, type: presented.type, fingerprint: fp }) : false);
    if (!accepted) {
      throw new AppError('HOST_KEY_UNKNOWN', `${hostPattern(host, port)} is not a known host. Its ${presented.type} key fingerprint is ${fp}.`, {
        fix: 'Compare the fingerprint with the device (display public-key local rsa public) and accept it, or pass --accept-new-host-key.',
        details: { host, port, fingerprint: fp, type: presented.type },
        message: { key: 'error.host-key-unknown.unknown', params: { host: hostPattern(host, port), fingerprint: fp, type: presented.type } },
      });
    }
    await this.add(host, port, presented);
  }
}
