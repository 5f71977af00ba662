import { expect } from 'vitest';
import type { MessageParams, Translator } from '../../src/core/base/message';
import { createI18n } from '../../src/i18n/create';
import { coreTranslator } from '../../src/i18n/core';

/**
 * The English translator the tests hold core to: every code core asks for must be in both
 * catalogues, and the English catalogue must say exactly what core's own English says.
 */
export function checkingTranslator(): { tr: Translator; missing: Set<string>; drift: { code: string; catalogue: string; core: string }[] } {
  const en = createI18n('en');
  const zh = createI18n('zh-CN');
  const inner = coreTranslator(en);
  const missing = new Set<string>();
  const drift: { code: string; catalogue: string; core: string }[] = [];
  const tr: Translator = {
    lang: 'en',
    text(code, params, english) {
      for (const i of [en, zh]) if (!i.exists(`core:${code}`, { lng: i.language })) missing.add(`${i.language}:${code}`);
      const said = inner.text(code, params, english);
      if (said !== english) drift.push({ code, catalogue: said, core: english });
      return said;
    },
  };
  return { tr, missing, drift };
}

/** A line core said: its English beside the code and params a reader's language says it from. */
export interface Said {
  text: string;
  code?: string | undefined;
  params?: MessageParams | undefined;
}

/** Every code said is in both catalogues, and the English catalogue says exactly core's English. */
export function expectCoreEnglish(said: readonly Said[]): void {
  const { tr, missing, drift } = checkingTranslator();
  for (const m of said) if (m.code) tr.text(m.code, m.params, m.text);
  expect([...missing]).toEqual([]);
  expect(drift).toEqual([]);
}
