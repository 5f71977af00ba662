import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES } from '../../src/i18n/index';
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
