import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import IntlMessageFormat from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES, createI18n, format } from '../../src/i18n/index';
import { PSEUDO_LANGUAGE, pseudoResources } from '../../src/i18n/pseudo';
import { argumentNames, flatten } from './messages';

const FOLDER = join(import.meta.dirname, '../../resources/locales');
const files = readdirSync(FOLDER).filter((f) => f.endsWith('.json') && f !== 'glossary.json');

describe('message catalogues', () => {
  it('registers every catalogue file in resources/locales, and nothing else', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...LANGUAGES].sort());
    for (const l of LANGUAGES) expect(JSON.parse(readFileSync(join(FOLDER, `${l}.json`), 'utf8'))).toEqual(CATALOGUES[l]);
  });

  const en = flatten(CATALOGUES.en);
  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has exactly the English keys', (lang) => {
    const other = flatten(CATALOGUES[lang]);
    expect([...other.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !other.has(k))).toEqual([]);
  });

  it.each(LANGUAGES)('%s: every message is valid ICU and uses the English message\'s arguments', (lang) => {
    const mismatched: string[] = [];
    for (const [key, text] of flatten(CATALOGUES[lang])) {
      const want = [...argumentNames(en.get(key)!, 'en')].sort();
      const got = [...argumentNames(text, lang)].sort();
      if (want.join() !== got.join()) mismatched.push(`${key}: ${got.join()} ≠ en ${want.join()}`);
    }
    expect(mismatched).toEqual([]);
  });

  it('leaves no message empty or untranslated English in zh-CN (device and file tokens aside)', () => {
    const zh = flatten(CATALOGUES['zh-CN']);
    // A zh-CN message with no CJK character at all is English left in place, unless it is only
    // arguments, file syntax or names (shortcut keys, "English" in the language menu).
    const sameAllowed = new Set(['app.nav.shortcut', 'common.language.en', 'common.language.zh-CN', 'app.home.recent.when', 'app.diagnostics.severity']);
    const untranslated = [...zh].filter(([k, v]) => v.trim() === '' || (!/[\u3000-\u9fff\uff00-\uffef]/.test(v) && !sameAllowed.has(k)));
    expect(untranslated).toEqual([]);
  });
});

/** The arguments an ICU message counts with `plural`, wherever they sit in it. */
function pluralArguments(message: string): Set<string> {
  interface Node {
    type: number;
    value?: string;
    options?: Record<string, { value: Node[] }>;
    children?: Node[];
  }
  const names = new Set<string>();
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.type === 6 && n.value !== undefined) names.add(n.value);
      for (const o of Object.values(n.options ?? {})) walk(o.value);
      if (n.children) walk(n.children);
    }
  };
  walk(new IntlMessageFormat(message, 'en').getAst() as unknown as Node[]);
  return names;
}

const SOURCES = ['src', 'renderer/src'].flatMap((dir) =>
  (readdirSync(join(import.meta.dirname, '../..', dir), { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !f.startsWith('lab'))
    .map((f) => ({ path: `${dir}/${f}`, text: readFileSync(join(import.meta.dirname, '../..', dir, f), 'utf8') })),
);

describe('counted messages', () => {
  const en = flatten(CATALOGUES.en);
  const plural = [...en].map(([key, text]) => ({ key, text, counts: pluralArguments(text) })).filter((m) => m.counts.size > 0);

  it('say a count with an ICU plural, never "(s)"', () => {
    // Units and the URL scheme are not counts: "Keepalive interval (s)", "http(s)".
    expect([...en].filter(([, v]) => /[a-z]\(s\)/i.test(v.replace(/https?\(s\)/g, ''))).map(([k]) => k)).toEqual([]);
    expect(plural.length).toBeGreaterThan(30);
  });

  it.each(['en', 'zh-CN', PSEUDO_LANGUAGE])('format in %s with a numeric count of 1 and 2', (lng) => {
    const i = createI18n(lng, pseudoResources());
    const broken: string[] = [];
    for (const { key, text, counts } of plural) {
      const [ns, ...rest] = key.split('.');
      const said = [1, 2].map((n) => {
        const params = Object.fromEntries([...argumentNames(text, 'en')].map((a) => [a, counts.has(a) ? n : 'x']));
        return format(i.t, lng, `${ns}:${rest.join('.')}`, params);
      });
      if (said.some((s) => /plural|[{}]/.test(s))) broken.push(`${key}: ${said.join(' | ')}`);
      // A select may choose a branch without the count ("x" matches none of its cases), and a plural without `#` only picks words.
      if (/, select,/.test(text) || !text.includes('#')) continue;
      if (lng === 'en' && said[0] === said[1]) broken.push(`${key}: 1 and 2 read the same`);
      if (!said.every((s, n) => s.includes(String(n + 1)))) broken.push(`${key}: the count is missing: ${said.join(' | ')}`);
    }
    expect(broken).toEqual([]);
  });

  it('are passed numbers, not String(n), and core’s English beside them says no "(s)" either', () => {
    const wrong: string[] = [];
    let found = 0;
    for (const { key, counts } of plural) {
      const bare = key.split('.').slice(1).join('.');
      for (const name of new Set([bare, bare.replace(/\.message$/, '')])) {
        for (const { path, text } of SOURCES) {
          for (let at = text.indexOf(`'${name}'`); at >= 0; at = text.indexOf(`'${name}'`, at + 1)) {
            found++;
            // The call and its params: this line and the next, which is as far as any of them reaches.
            const end = text.indexOf('\n', text.indexOf('\n', at) + 1);
            const call = text.slice(at, end < 0 ? undefined : end);
            for (const c of counts) if (new RegExp(`\\b${c}: String\\(`).test(call)) wrong.push(`${path}: ${name} passes ${c} as a string`);
            if (/[a-z]\(s\)/.test(call)) wrong.push(`${path}: ${name} beside English with "(s)"`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(found).toBeGreaterThan(30);
  });
});
