import type { i18n } from 'i18next';
import type { PairProgress } from '../../../../../src/contract/index';
import { coreTranslator } from '../../../../../src/i18n/core';

/** A line the host sends as English with, when core names it, its code and params. */
export interface CoreLine {
  text: string;
  code?: string | undefined;
  params?: PairProgress['messages'][number]['params'];
}

/** The line in the page's language where core gave its code; its English otherwise (an older host). */
export const coreLine = (i: i18n, m: CoreLine): string => (m.code === undefined ? m.text : coreTranslator(i).text(m.code, m.params, m.text));
