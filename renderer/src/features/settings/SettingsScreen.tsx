import { useEffect } from 'react';
import { LANGUAGES } from '../../../../src/i18n/index';
import { useStore } from '../../store/index';
import { selectSettings } from '../../store/selectors';
import { Credentials } from './Credentials';
import { KnownHosts } from './KnownHosts';
import { MonitorSettings } from './MonitorSettings';
import '../common/panels.css';
import { useAppTranslation } from '../../i18n';
import { ErrorLine } from '../pairing/ErrorNote';

const THEMES = ['system', 'light', 'dark'] as const;
/** 'system' first: following Electron's locale (the browser's in browser mode) is the default. */
const LANGUAGE_CHOICES = ['system', ...LANGUAGES] as const;

export function SettingsScreen() {
  const settings = useStore(selectSettings);
  const error = useStore((s) => s.settingsError);
  const trustError = useStore((s) => s.trustError);
  const save = useStore((s) => s.saveSettings);
  const loadTrust = useStore((s) => s.loadTrust);
  useEffect(() => void loadTrust(), [loadTrust]);
  const { t } = useAppTranslation();
  return (
    <div className="screen">
      <header className="screen-head">
        <h1>{t('settings.title')}</h1>
      </header>
      {(error ?? trustError) && (
        <p className="error-text" role="alert">
          <ErrorLine error={(error ?? trustError)!} />
        </p>
      )}
      <section className="card">
        <fieldset className="section">
          <legend>{t('settings.theme')}</legend>
          <div className="button-row" role="radiogroup" aria-label={t('settings.theme')}>
            {THEMES.map((theme) => (
              <label key={theme} className="inline">
                <input type="radio" name="theme" value={theme} checked={settings?.theme === theme} onChange={() => void save({ theme })} /> {t(`settings.themes.${theme}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="section">
          <legend>{t('settings.language')}</legend>
          <div className="button-row" role="radiogroup" aria-label={t('settings.language')}>
            {LANGUAGE_CHOICES.map((lang) => (
              <label key={lang} className="inline" lang={lang === 'system' ? undefined : lang}>
                <input type="radio" name="language" value={lang} checked={(settings?.language ?? 'system') === lang} onChange={() => void save({ language: lang })} />{' '}
                {t(`common:language.${lang}`)}
              </label>
            ))}
          </div>
          <p className="muted small">{t('settings.languageHint')}</p>
        </fieldset>
      </section>
      <MonitorSettings />
      <KnownHosts />
      <Credentials />
    </div>
  );
}
