import { readdir, readFile } from 'node:fs/promises';
import { extname, join, basename } from 'node:path';
import { AppError } from '../../core/base/errors';
import type { ExampleSummary } from '../../contract/index';
import type { Handlers } from '../types';
import { parseDoc } from '../pair-text';

const EXTS = ['.yaml', '.yml', '.json'];

async function exampleFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => EXTS.includes(extname(f))).sort();
  } catch {
    return []; // no examples folder in this build: an empty list, not an error
  }
}

/** The title is the first sentence of the file's header comment, else the pair's name, else the id. */
function titleOf(text: string, doc: unknown, id: string): string {
  const header: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^#\s*(.*)$/.exec(line.trim());
    if (!m) break; // the header comment block ends at the first non-comment line
    if (!m[1]!.startsWith('yaml-language-server:')) header.push(m[1]!.trim());
  }
  const prose = header.join(' ').trim();
  if (prose) {
    const sentence = (/^(.+?)[.;](\s|$)/.exec(prose)?.[1] ?? prose).replace(/[:,]$/, '');
    return sentence.length > 120 ? `${sentence.slice(0, 117)}…` : sentence;
  }
  const name = doc && typeof doc === 'object' ? (doc as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : id;
}

export function examplesHandlers(dir: string): Handlers {
  return {
    'examples.list': async () => {
      const examples: ExampleSummary[] = [];
      for (const file of await exampleFiles(dir)) {
        const text = await readFile(join(dir, file), 'utf8');
        const id = basename(file, extname(file));
        const doc = parseDoc(text);
        const mode = doc && typeof doc === 'object' ? (doc as { mode?: unknown }).mode : undefined;
        examples.push({ id, title: titleOf(text, doc, id), ...(typeof mode === 'string' ? { mode } : {}) });
      }
      return { examples };
    },
    'examples.get': async ({ id }) => {
      // id is [A-Za-z0-9._-]+ by schema; match it against the listing so no path is ever built from input alone
      const file = (await exampleFiles(dir)).find((f) => basename(f, extname(f)) === id);
      if (!file) throw new AppError('NOT_FOUND', `No example named "${id}".`, { fix: 'Pick one from examples.list.', message: { key: 'host.no-example', params: { id } } });
      const text = await readFile(join(dir, file), 'utf8');
      return { id, text, doc: parseDoc(text) };
    },
  };
}
