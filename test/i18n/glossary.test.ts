import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/i18n/index';
import { flatten } from './messages';

interface Term {
  en: string;
  zh: string;
  match?: string;
  confirmed: boolean;
  source?: string;
}
const glossary = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/locales/glossary.json'), 'utf8')) as { sources: Record<string, string>; terms: Term[] };

describe('glossary', () => {
  const en = flatten(CATALOGUES.en);
  const zh = flatten(CATALOGUES['zh-CN']);

  it('names a source for every confirmed term', () => {
    expect(glossary.terms.filter((t) => t.confirmed && !(t.source && glossary.sources[t.source])).map((t) => t.en)).toEqual([]);
  });

  it.each(glossary.terms.filter((t) => t.match).map((t) => [t.en, t] as const))('zh-CN says "%s" with the glossary term', (_, term) => {
    const re = new RegExp(term.match!, 'i');
    const keys = [...en].filter(([, v]) => re.test(v)).map(([k]) => k);
    // A term nobody uses is a stale entry or a wrong pattern: either way the check would be empty.
    expect(keys.length, `no English message matches /${term.match}/`).toBeGreaterThan(0);
    expect(keys.filter((k) => !zh.get(k)!.includes(term.zh)).map((k) => `${k}: ${zh.get(k)}`)).toEqual([]);
  });
});
