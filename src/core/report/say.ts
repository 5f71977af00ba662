import type { Translator } from '../base/message';

/** A label of the report in the reader's language (core catalogue report.*), its English beside it. */
export const say = (tr: Translator, code: string, en: string, params: Record<string, string | number> = {}): string => tr.text(`report.${code}`, params, en);
