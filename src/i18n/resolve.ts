import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from './catalogues';

/**
 * A locale as systems write it ("zh_CN.UTF-8", "zh-Hans-CN", "en_US", "C") → one of our languages,
 * or undefined when none fits. Any Chinese variant gets zh-CN: the only Chinese catalogue, and
 * closer to a Traditional-Chinese reader than English.
 */
export function matchLanguage(locale: string | undefined): Language | undefined {
  if (locale === undefined) return undefined;
  const tag = locale.trim().split(/[.@]/)[0]!.replace(/_/g, '-');
  if (tag === '' || tag === 'C' || tag === 'POSIX') return undefined;
  const exact = LANGUAGES.find((l) => l.toLowerCase() === tag.toLowerCase());
  if (exact) return exact;
  const base = tag.split('-')[0]!.toLowerCase();
  if (base === 'zh') return 'zh-CN';
  return LANGUAGES.find((l) => l.split('-')[0]!.toLowerCase() === base);
}

export interface LanguageSources {
  /** An explicit choice (--lang, the app's setting): wins when it names a language we have. */
  flag?: string;
  /** The process environment, read the way gettext does: LANGUAGE (a list), LC_ALL, LC_MESSAGES, LANG. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The system's preferred locales in order (Electron's app.getLocale(), navigator.languages). */
  system?: readonly string[];
}

/**
 * The language to speak: the explicit flag, else the environment, else the system's preferences,
 * else English. A variable set to C/POSIX stops the search (the user asked for untranslated text).
 */
export function resolveLanguage({ flag, env = {}, system = [] }: LanguageSources): Language {
  if (flag !== undefined && flag !== 'system') {
    const chosen = matchLanguage(flag);
    if (chosen) return chosen;
  }
  const lcAll = env.LC_ALL || undefined;
  const lcMessages = env.LC_MESSAGES || undefined;
  const lang = env.LANG || undefined;
  const effective = lcAll ?? lcMessages ?? lang;
  if (effective !== undefined) {
    if (/^(C|POSIX)(\.|$)/.test(effective)) return DEFAULT_LANGUAGE;
    // gettext honours LANGUAGE only when the locale itself is not C.
    for (const l of (env.LANGUAGE ?? '').split(':')) {
      const m = matchLanguage(l);
      if (m) return m;
    }
    const m = matchLanguage(effective);
    if (m) return m;
  }
  for (const s of system) {
    const m = matchLanguage(s);
    if (m) return m;
  }
  return DEFAULT_LANGUAGE;
}

export { isLanguage };
