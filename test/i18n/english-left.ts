import { expect } from 'vitest';
import { toErrorInfo, type ErrorInfo } from '../../src/core/base/errors';
import type { Message, MessageParams } from '../../src/core/base/message';
import type { LoadError } from '../../src/core/model/load';
import { coreTranslator } from '../../src/i18n/core';
import { errorText } from '../../src/i18n/core-text';
import { createI18n } from '../../src/i18n/create';
import { PSEUDO_LANGUAGE, pseudoResources } from '../../src/i18n/pseudo';

export const en = createI18n('en');
export const zh = createI18n('zh-CN');
export const pseudo = createI18n(PSEUDO_LANGUAGE, pseudoResources());
export const CJK = /[\u4e00-\u9fff]/;

/** How a suite reads the words left in a translation: each suite's texts quote different things. */
export interface WordRules {
  /** Latin words the Chinese keeps on purpose (commands, keywords, product and unit names). */
  tokens: readonly string[];
  /** What separates words once the values are out. */
  separators: RegExp;
  /** A word that is syntax to type (an example, a URL, a flag), not a sentence. */
  syntax?: (word: string) => boolean;
  /** Syntax taken out of the Chinese before its words are read (device URLs). */
  chineseSyntax?: RegExp;
  /** An error's fix may quote its message's values, not only the others. */
  fixQuotesValues?: boolean;
}

/** Punctuation, ASCII and Chinese, and Chinese runs: what is left between them are the Latin words. */
export const SENTENCE_SEPARATORS = /[\s，。；：、“”（）()"`.,:;…\u4e00-\u9fff]+/;
/** Punctuation, ASCII and Chinese: texts whose every Latin word counts, examples and URLs too. */
export const PUNCTUATION = /[\s，。；：、“”（）()"`]+/;
/** Examples (words with digits) and URLs are syntax to type. */
export const EXAMPLE_OR_URL = (w: string): boolean => /\d/.test(w) || /\/\//.test(w);

/** The Latin words of `text` once the values and (for the pseudo-locale) the catalogue's ［…］ are taken out. */
export function leftover(text: string, values: readonly string[], rules: WordRules, brackets = false): string[] {
  let s = text;
  for (const v of [...values].sort((x, y) => y.length - x.length)) if (v !== '') s = s.split(v).join(' ');
  if (brackets) while (/［[^［］]*］/.test(s)) s = s.replace(/［[^［］]*］/g, ' ');
  return s.split(rules.separators).filter((w) => /[A-Za-z]/.test(w) && !(rules.syntax?.(w) ?? false));
}

/** The error core raised: it carries a message key both catalogues hold, and the English catalogue says exactly core's sentence and fix. */
export function errorInCatalogues(e: unknown): ErrorInfo {
  const info = e instanceof Error ? toErrorInfo(e) : (e as ErrorInfo);
  expect(info.key, `${info.code}: ${info.message} carries no message key`).toBeDefined();
  for (const i of [en, zh]) {
    expect(i.exists(`core:${info.key}.message`), `${i.language} lacks ${info.key}.message`).toBe(true);
    if (info.fix !== undefined) expect(i.exists(`core:${info.key}.fix`), `${i.language} lacks ${info.key}.fix`).toBe(true);
  }
  const english = errorText(en, info);
  expect(english.message).toBe(info.message);
  expect(english.fix).toBe(info.fix);
  return info;
}

/** A load problem's key is a message of its own (no .message/.fix): in both catalogues, the English exactly core's. */
export function loadErrorInCatalogues(e: LoadError): void {
  expect(e.key, `${e.kind}: ${e.message} carries no message key`).toBeDefined();
  for (const i of [en, zh]) expect(i.exists(`core:${e.key}`), `${i.language} lacks ${e.key}`).toBe(true);
  expect(coreTranslator(en).text(e.key!, e.params, '(missing)')).toBe(e.message);
}

/** The string params of a message: the values it quotes as written. */
export const stringParams = (params: MessageParams | undefined): string[] => Object.values(params ?? {}).filter((v): v is string => typeof v === 'string');

/**
 * The checks a suite makes of its texts in Chinese and in the pseudo-locale: `kept` must appear as
 * written, and outside the catalogue nothing but `values` (and the Chinese's tokens) may be left.
 */
export function languageChecks(rules: WordRules) {
  const tokens = new Set(rules.tokens);

  function expectChinese(text: string, kept: readonly string[], values: readonly string[] = kept): void {
    expect(text).toMatch(CJK);
    for (const v of kept) expect(text).toContain(v);
    const read = rules.chineseSyntax ? text.replace(rules.chineseSyntax, ' ') : text;
    expect(leftover(read, [...kept, ...values], rules).filter((w) => !tokens.has(w))).toEqual([]);
  }

  function expectPseudo(text: string, kept: readonly string[], values: readonly string[] = kept): void {
    for (const v of kept) expect(text).toContain(v);
    expect(leftover(text, [...kept, ...values], rules, true)).toEqual([]);
  }

  /** An error in English (exactly core's), Chinese and pseudo; returns the Chinese. `others` may appear besides the kept values. */
  function said(e: unknown, kept: readonly string[], others: readonly string[] = []): { info: ErrorInfo; message: string; fix?: string } {
    const info = errorInCatalogues(e);
    const values = [...kept, ...others];
    const fixValues = rules.fixQuotesValues ? values : others;
    const chinese = errorText(zh, info);
    expectChinese(chinese.message, kept, values);
    if (info.fix !== undefined) expectChinese(chinese.fix!, [], fixValues);
    const p = errorText(pseudo, info);
    expectPseudo(p.message, kept, values);
    if (info.fix !== undefined) expectPseudo(p.fix!, [], fixValues);
    return { info, message: chinese.message, ...(chinese.fix !== undefined ? { fix: chinese.fix } : {}) };
  }

  /** A message core sent beside its English, in the three languages; returns the Chinese. `kept` must appear, `others` may. */
  function messageKeeping(m: Message, english: string, kept: readonly string[], others: readonly string[] = []): string {
    for (const i of [en, zh]) expect(i.exists(`core:${m.code}`), `${i.language} lacks ${m.code}`).toBe(true);
    expect(coreTranslator(en).text(m.code, m.params, '(missing)')).toBe(english);
    const chinese = coreTranslator(zh).text(m.code, m.params, '(missing)');
    expectChinese(chinese, kept, others);
    expectPseudo(coreTranslator(pseudo).text(m.code, m.params, '(missing)'), kept, others);
    return chinese;
  }

  /** The same, its own string params the values kept as written; `values` are others its sub-messages may hold. */
  const messageSaid = (m: Message, english: string, values: readonly string[] = []): string => messageKeeping(m, english, stringParams(m.params), values);

  /** A load error the same way; returns the Chinese. */
  function loadSaid(e: LoadError, values: readonly string[]): string {
    loadErrorInCatalogues(e);
    const chinese = coreTranslator(zh).text(e.key!, e.params, '(missing)');
    expectChinese(chinese, values);
    expectPseudo(coreTranslator(pseudo).text(e.key!, e.params, '(missing)'), values);
    return chinese;
  }

  return { expectChinese, expectPseudo, said, messageKeeping, messageSaid, loadSaid };
}
