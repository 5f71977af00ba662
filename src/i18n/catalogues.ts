import en from '../../resources/locales/en.json';
import zhCN from '../../resources/locales/zh-CN.json';

/**
 * The registry of message catalogues: one JSON file per language under resources/locales/, each
 * an object of namespaces (common, validate, cli, app). Adding a language is adding its file and
 * its line here; test/i18n checks that every file in the folder is registered and complete.
 */
export const CATALOGUES = {
  en,
  'zh-CN': zhCN,
} as const;

export type Language = keyof typeof CATALOGUES;
export type Catalogue = (typeof CATALOGUES)['en'];
export type Namespace = keyof Catalogue;

export const LANGUAGES = Object.keys(CATALOGUES) as Language[];
export const DEFAULT_LANGUAGE: Language = 'en';
export const NAMESPACES = Object.keys(CATALOGUES.en) as Namespace[];

export const isLanguage = (x: unknown): x is Language => typeof x === 'string' && Object.hasOwn(CATALOGUES, x);
