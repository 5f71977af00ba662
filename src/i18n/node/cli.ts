import type { i18n } from 'i18next';
import { createI18n } from '../create';
import { LANGUAGES } from '../catalogues';
import { PSEUDO_LANGUAGE, pseudoResources } from '../pseudo';
import { matchLanguage, resolveLanguage } from '../resolve';

let current: i18n | undefined;

/** `--lang pseudo` exists only when this variable is 1: the tests' way to find untranslated output. */
export const PSEUDO_ENV = 'HOTPAIR_PSEUDO_LOCALE';
const pseudoAllowed = (flag: string | undefined, env: NodeJS.ProcessEnv) => flag === PSEUDO_LANGUAGE && env[PSEUDO_ENV] === '1';

/**
 * The CLI's language, chosen once per run: `--lang` when given (main.ts passes it before any
 * command registers, so help texts follow it too), else LANGUAGE/LC_ALL/LC_MESSAGES/LANG.
 * Commands format their text through it; device commands and output never pass through it.
 */
export function setCliLanguage(flag?: string, env: NodeJS.ProcessEnv = process.env): i18n {
  current = pseudoAllowed(flag, env) ? createI18n(PSEUDO_LANGUAGE, pseudoResources()) : createI18n(resolveLanguage({ flag, env }));
  return current;
}

export function cliI18n(): i18n {
  return current ?? setCliLanguage();
}

/** The complaint for a --lang that names no catalogue, in the language the run would fall back to. */
export function unknownLanguageFlag(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (flag === undefined || matchLanguage(flag) !== undefined || pseudoAllowed(flag, env)) return undefined;
  return createI18n(resolveLanguage({ env })).t('cli:unknownLanguage', { lang: flag, languages: LANGUAGES.join(', ') });
}
