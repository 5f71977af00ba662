import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { loadWrittenDoc, type LoadError } from '../load';
import { loadPair, type LoadedPair, type LoadPairOptions } from '../pair-loader';
import { loadSaid, MAX_PAIR_FILE_BYTES, notText, tooLarge } from '../text-guards';

/**
 * A pair file (or a pack, a template) from disk as text, refused before it costs anything when it
 * cannot be one: larger than the limit (decided from the file's size, before a byte is read), not
 * UTF-8, or holding NUL bytes. Never throws; the message names the file and what is wrong with it.
 */
export type ReadError = LoadError & { kind: 'read' | 'too-large' | 'not-text' };
export type TextRead = { ok: true; text: string } | { ok: false; error: ReadError };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export interface TextFileOptions {
  maxBytes?: number;
  /** The kind of file expected, for messages: "pair file" (default), "platform pack", "template". */
  what?: string;
}

export function readTextFile(file: string, o: TextFileOptions = {}): TextRead {
  const maxBytes = o.maxBytes ?? MAX_PAIR_FILE_BYTES;
  const what = o.what ?? 'pair file';
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    return unreadable(file, e);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, error: { kind: 'read', message: `${file} is a folder, not a file`, ...loadSaid('folder', { file }) } };
    if (st.size > maxBytes) return { ok: false, error: { kind: 'too-large', ...tooLarge(file, st.size, maxBytes, what) } };
    // One byte more than allowed: a file that grew after the size was taken is still caught.
    const buf = Buffer.alloc(Math.min(maxBytes + 1, Math.max(st.size, 0) + 1));
    let n = 0;
    for (let got = -1; got !== 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
    if (n > maxBytes) return { ok: false, error: { kind: 'too-large', ...tooLarge(file, n, maxBytes, what) } };
    const bytes = buf.subarray(0, n);
    if (bytes.includes(0)) return { ok: false, error: { kind: 'not-text', ...notText(file, { code: 'load.why.nul' }, what) } };
    try {
      return { ok: true, text: UTF8.decode(bytes) };
    } catch {
      return { ok: false, error: { kind: 'not-text', ...notText(file, { code: 'load.why.not-utf8' }, what) } };
    }
  } catch (e) {
    return unreadable(file, e);
  } finally {
    closeSync(fd);
  }
}

/** The common failures in words; any other keeps the system's own text (it is the only account of what went wrong) beside what to do. */
function unreadable(file: string, e: unknown): TextRead {
  const code = (e as NodeJS.ErrnoException).code;
  const reason = e instanceof Error ? e.message : String(e);
  const [message, id] =
    code === 'ENOENT'
      ? [`no such file: ${file}`, 'no-file']
      : code === 'EISDIR'
        ? [`${file} is a folder, not a file`, 'folder']
        : code === 'EACCES' || code === 'EPERM'
          ? [`${file} may not be read (permission denied)`, 'denied']
          : [`cannot read ${file} (${reason}); check the path and that you may read the file`, 'cannot-read'];
  return { ok: false, error: { kind: 'read', message, ...loadSaid(id, { file, reason }) } };
}

export type PairFileLoad = (LoadedPair & { text: string }) | { ok: false; errors: LoadError[] };

/** read → load → pack → rules for a file: loadPair over readTextFile. */
export function readPairFile(file: string, o: Omit<LoadPairOptions, 'sourceName'> = {}): PairFileLoad {
  const read = readTextFile(file);
  if (!read.ok) return { ok: false, errors: [read.error] };
  const loaded = loadPair(read.text, { ...o, sourceName: file });
  return loaded.ok ? { ...loaded, text: read.text } : loaded;
}

/**
 * A partial pair document from disk (the template an inventory's rows are laid over), through the
 * same checks. `errors` carry their message keys for the reader's language (an edge formats them
 * as for a pair file: file:line:column, then the message); `message` is all of them in English.
 */
export function readPairDocFile(file: string, what = 'template'): { ok: true; doc: Record<string, unknown> } | { ok: false; message: string; errors: LoadError[] } {
  const read = readTextFile(file, { what });
  if (!read.ok) return { ok: false, message: read.error.message, errors: [read.error] };
  const r = loadWrittenDoc(read.text, file);
  if (r.ok) return r;
  return { ok: false, message: r.errors.map((e) => (e.line !== undefined && !e.message.startsWith(file) ? `${file}:${e.line}:${e.column ?? 1}: ${e.message}` : e.message)).join('\n'), errors: r.errors };
}
