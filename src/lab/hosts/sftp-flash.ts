/**
 * The lab device's SFTP server: its flash folder, read-only. Comware's SFTP server starts in the
 * default storage medium, so `/startup.cfg`, `startup.cfg` and `flash:/startup.cfg` all name the
 * same file; anything outside the folder does not exist, and every write is refused.
 */
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, posix } from 'node:path';
import ssh2, { type Attributes, type FileEntry, type SFTPWrapper } from 'ssh2';

const { OPEN_MODE, STATUS_CODE } = ssh2.utils.sftp;
/** Entries per READDIR answer, as OpenSSH sends them (the client asks again for the rest). */
const DIR_CHUNK = 64;

type Handle = { kind: 'file'; data: Buffer; stats: Stats } | { kind: 'dir'; entries: FileEntry[] };

/** The flash-relative name of a client path; `..` stops at the flash root, as on the device. */
export function flashName(path: string): string {
  return posix.normalize(`/${path.replace(/^flash:/i, '')}`).slice(1);
}

function attrs(st: Stats): Attributes {
  return { mode: st.mode, uid: 0, gid: 0, size: st.size, atime: Math.floor(st.atimeMs / 1000), mtime: Math.floor(st.mtimeMs / 1000) };
}

function longname(name: string, st: Stats): string {
  const kind = st.isDirectory() ? 'd' : '-';
  return `${kind}rw-r--r--   1 root     root     ${String(st.size).padStart(8)} ${new Date(st.mtimeMs).toUTCString().slice(5, 22)} ${name}`;
}

/** Serves `root` on an accepted SFTP channel until the client closes it. */
export function serveFlash(sftp: SFTPWrapper, root: string): void {
  const handles = new Map<string, Handle>();
  let next = 0;
  const local = (path: string) => join(root, flashName(path));
  const statOf = (path: string): Stats | undefined => {
    try {
      return statSync(local(path));
    } catch {
      return undefined;
    }
  };
  const newHandle = (h: Handle) => {
    const id = Buffer.alloc(4);
    id.writeUInt32BE(next++);
    handles.set(id.toString('hex'), h);
    return id;
  };
  const stat = (reqId: number, path: string) => {
    const st = statOf(path);
    return st ? sftp.attrs(reqId, attrs(st)) : sftp.status(reqId, STATUS_CODE.NO_SUCH_FILE);
  };

  sftp.on('REALPATH', (reqId, path) => sftp.name(reqId, [{ filename: `/${flashName(path)}`, longname: `/${flashName(path)}`, attrs: {} as Attributes }]));
  sftp.on('STAT', stat);
  sftp.on('LSTAT', stat);
  sftp.on('OPEN', (reqId, path, flags) => {
    if (flags & (OPEN_MODE.WRITE | OPEN_MODE.APPEND | OPEN_MODE.CREAT | OPEN_MODE.TRUNC)) return sftp.status(reqId, STATUS_CODE.PERMISSION_DENIED, 'flash is read-only over the lab SFTP');
    const st = statOf(path);
    if (!st?.isFile()) return sftp.status(reqId, STATUS_CODE.NO_SUCH_FILE);
    // read at open: the client sees one consistent file even if `save` rewrites it meanwhile
    sftp.handle(reqId, newHandle({ kind: 'file', data: readFileSync(local(path)), stats: st }));
  });
  sftp.on('FSTAT', (reqId, id) => {
    const h = handles.get(id.toString('hex'));
    if (h?.kind !== 'file') return sftp.status(reqId, STATUS_CODE.FAILURE);
    sftp.attrs(reqId, { ...attrs(h.stats), size: h.data.length });
  });
  sftp.on('READ', (reqId, id, offset, len) => {
    const h = handles.get(id.toString('hex'));
    if (h?.kind !== 'file') return sftp.status(reqId, STATUS_CODE.FAILURE);
    if (offset >= h.data.length) return sftp.status(reqId, STATUS_CODE.EOF);
    sftp.data(reqId, h.data.subarray(offset, Math.min(h.data.length, offset + len)));
  });
  sftp.on('OPENDIR', (reqId, path) => {
    if (!statOf(path)?.isDirectory()) return sftp.status(reqId, STATUS_CODE.NO_SUCH_FILE);
    const p = local(path);
    const entries = readdirSync(p).filter((f) => !f.startsWith('.')).map((filename) => {
      const st = statSync(join(p, filename));
      return { filename, longname: longname(filename, st), attrs: attrs(st) };
    });
    sftp.handle(reqId, newHandle({ kind: 'dir', entries }));
  });
  sftp.on('READDIR', (reqId, id) => {
    const h = handles.get(id.toString('hex'));
    if (h?.kind !== 'dir') return sftp.status(reqId, STATUS_CODE.FAILURE);
    if (h.entries.length === 0) return sftp.status(reqId, STATUS_CODE.EOF);
    sftp.name(reqId, h.entries.splice(0, DIR_CHUNK));
  });
  sftp.on('CLOSE', (reqId, id) => {
    handles.delete(id.toString('hex'));
    sftp.status(reqId, STATUS_CODE.OK);
  });
  for (const op of ['WRITE', 'REMOVE', 'RENAME', 'MKDIR', 'RMDIR', 'SETSTAT', 'FSETSTAT', 'SYMLINK'] as const) {
    sftp.on(op as 'REMOVE', (reqId: number) => sftp.status(reqId, STATUS_CODE.PERMISSION_DENIED, 'flash is read-only over the lab SFTP'));
  }
}
