import i18next, { type i18n, type TFunction } from 'i18next';
import ICU from 'i18next-icu';
import { CATALOGUES, DEFAULT_LANGUAGE, NAMESPACES, type Language } from './catalogues';
import type { MessageParams } from './params';
import { listParams } from './params';

/**
 * One i18next instance with every catalogue loaded and ICU message syntax (plurals, selects).
 * Initialised synchronously: the catalogues are bundled, so nothing waits on I/O. `extra` lets a
 * caller add a language that is not shipped (the pseudo-locale of the tests).
 */
export function createI18n(lng: string = DEFAULT_LANGUAGE, extra: Record<string, object> = {}): i18n {
  const instance = i18next.createInstance();
  void instance.use(new ICU({ escapeVariables: false })).init({
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    ns: NAMESPACES,
    defaultNS: 'app',
    resources: { ...CATALOGUES, ...extra } as Record<string, Record<string, object>>,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** Format `ns:key` with params, joining list params the language's way. */
export function format(t: TFunction, lng: string, key: string, params: MessageParams = {}): string {
  return t(key, listParams(lng, params) as Record<string, unknown>) as string;
}

export type { Language };
