import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// ssh2 is CommonJS: under plain Node ESM (bin/hotpair.mjs) only its default export is importable.
import ssh2, { type ParsedKey } from 'ssh2';

const { utils } = ssh2;

/**
 * Public keys allowed per user: OpenSSH authorized_keys lines, from the lab options and from
 * `<stateDir>/authorized_keys/<user>` (read at each attempt, so a key dropped in while the lab runs
 * works at once). Stands in for `public-key peer … import` + `ssh user … authentication-type publickey`.
 */
export class AuthorizedKeys {
  constructor(
    private readonly dir: string | undefined,
    private readonly extra: Record<string, string[]> = {},
  ) {}

  keysFor(username: string): ParsedKey[] {
    const lines = [...(this.extra[username] ?? [])];
    if (this.dir && /^[A-Za-z0-9._-]+$/.test(username)) {
      try {
        lines.push(...readFileSync(join(this.dir, username), 'utf8').split('\n'));
      } catch {
        // no file: no keys for this user
      }
    }
    const out: ParsedKey[] = [];
    for (const line of lines.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))) {
      const k = utils.parseKey(line);
      if (!(k instanceof Error)) out.push(Array.isArray(k) ? (k[0] as ParsedKey) : k);
    }
    return out;
  }

  /** The key offered by the client, if it is one of the user's. */
  match(username: string, algo: string, data: Buffer): ParsedKey | undefined {
    return this.keysFor(username).find((k) => k.type === algo && k.getPublicSSH().equals(data));
  }
}
