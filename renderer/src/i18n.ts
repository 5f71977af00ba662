import { useEffect } from 'react';
import { setI18n, useTranslation } from 'react-i18next';
import { createI18n, resolveLanguage } from '../../src/i18n/index';
import { useStore } from './store/index';
import { selectSettings } from './store/selectors';

/** What the system prefers: Electron's renderer reports the app's locale here, a browser its own list. */
const systemLocales = (): readonly string[] => (typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language]);

/**
 * The renderer's one i18next instance, shared with the CLI's catalogues (src/i18n). It starts in
 * the system's language, so the first paint before settings arrive is already right for most users.
 */
export const i18n = createI18n(resolveLanguage({ system: systemLocales() }));
setI18n(i18n);

/** The language last resolved from settings and system: a change of either moves the app to its result. */
let resolved = i18n.language;

/** The language the settings ask for ('system' or not yet loaded: the system's). */
export function useLanguageFromSettings(): void {
  const choice = useStore(selectSettings)?.language;
  useEffect(() => {
    const lng = resolveLanguage({ flag: choice, system: systemLocales() });
    // Only a new result switches: a language set directly on the instance (the pseudo-locale
    // check) stays until the user's choice actually changes.
    if (lng !== resolved) {
      resolved = lng;
      void i18n.changeLanguage(lng);
    }
    document.documentElement.lang = i18n.language;
  }, [choice]);
}

/**
 * useTranslation bound to this instance (app namespace): importing it is what guarantees the
 * instance exists, whichever component a test or screen renders first.
 */
export const useAppTranslation = () => useTranslation('app', { i18n });
