import { useEffect } from 'react';
import { useStore } from '../../store/index';
import { selectSettings } from '../../store/selectors';
import { Credentials } from './Credentials';
import { KnownHosts } from './KnownHosts';
import { MonitorSettings } from './MonitorSettings';
import '../common/panels.css';

const THEMES = ['system', 'light', 'dark'] as const;

export function SettingsScreen() {
  const settings = useStore(selectSettings);
  const error = useStore((s) => s.settingsError);
  const trustError = useStore((s) => s.trustError);
  const save = useStore((s) => s.saveSettings);
  const loadTrust = useStore((s) => s.loadTrust);
  useEffect(() => void loadTrust(), [loadTrust]);
  return (
    <div className="screen">
      <header className="screen-head">
        <h1>Settings</h1>
      </header>
      {(error ?? trustError) && (
        <p className="error-text" role="alert">
          {(error ?? trustError)!.message} {(error ?? trustError)!.fix}
        </p>
      )}
      <section className="card">
        <fieldset className="section">
          <legend>Theme</legend>
          <div className="button-row" role="radiogroup" aria-label="Theme">
            {THEMES.map((t) => (
              <label key={t} className="inline">
                <input type="radio" name="theme" value={t} checked={settings?.theme === t} onChange={() => void save({ theme: t })} /> {t}
              </label>
            ))}
          </div>
        </fieldset>
      </section>
      <MonitorSettings />
      <KnownHosts />
      <Credentials />
    </div>
  );
}
