/** The known-hosts store on disk (user data dir unless a path is given), with Node's SHA-256. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { KnownHostsStore, type KnownHostsStorage } from '../../known-hosts';
import { dataDir } from '../../base/node/paths';

export const sha256 = (data: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(data).digest());

export function fileStorage(path: string): KnownHostsStorage {
  return {
    location: path,
    async read() {
      try {
        return await readFile(path, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
    },
    async write(text) {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      // write-then-rename: a crash mid-write must not lose every trusted key
      // a name per write, so two writers never rename each other's file
      const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(tmp, text, { mode: 0o600 });
      await rename(tmp, path);
    },
  };
}

export function openKnownHosts(path = join(dataDir(), 'known_hosts')): KnownHostsStore {
  // absolute, because the store serialises its rewrites per location: two spellings of one file
  // would be two locks and could lose a key
  return new KnownHostsStore(fileStorage(resolve(path)), sha256);
}
