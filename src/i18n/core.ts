import type { i18n } from 'i18next';
import type { MessageParams as CoreParams, Translator } from '../core/base/message';
import { isMessageList } from '../core/base/message';
import { format } from './create';
import type { MessageParams } from './params';

/**
 * Core's messages (health checks, verify failures, errors, monitor events, the report) in an
 * instance's language: `code` is a key of the `core` namespace. Sub-message lists are formatted
 * item by item and joined with the language's separator. A code the catalogue lacks (a newer
 * core than this catalogue) shows core's English.
 */
export function coreTranslator(i: i18n): Translator {
  const lng = i.language;
  const flat = (params: CoreParams | undefined): MessageParams => {
    const out: Record<string, string | number | readonly string[]> = {};
    for (const [k, v] of Object.entries(params ?? {}))
      out[k] = isMessageList(v) ? v.items.map((m) => text(m.code, m.params, m.code)).join(i.t(`core:sep.${v.sep}`)) : v;
    return out;
  };
  const text = (code: string, params: CoreParams | undefined, english: string): string => {
    const key = `core:${code}`;
    return i.exists(key) ? format(i.t, lng, key, flat(params)) : english;
  };
  return { lang: lng, text };
}

/** A key of the core namespace formatted as is, for labels core names only by key (the report's). */
export const coreLabel = (tr: Translator, code: string, params?: CoreParams): string => tr.text(code, params, code);
