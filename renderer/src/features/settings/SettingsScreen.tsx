import { useStore } from '../../store/index';
import { selectSettings } from '../../store/selectors';

const THEMES = ['system', 'light', 'dark'] as const;

export function SettingsScreen() {
  const settings = useStore(selectSettings);
  const error = useStore((s) => s.settingsError);
  const save = useStore((s) => s.saveSettings);
  return (
    <div className="screen">
      <header className="screen-head">
        <h1>Settings</h1>
      </header>
      {error && <p className="error-text" role="alert">{error.message}</p>}
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
        {settings && (
          <dl className="facts">
            <dt>Syslog receiver</dt>
            <dd>
              {settings.syslog.address}:{settings.syslog.port}
            </dd>
            <dt>Metrics endpoint</dt>
            <dd>
              {settings.metrics.address}:{settings.metrics.port}
            </dd>
            <dt>Monitor poll interval</dt>
            <dd>{settings.monitorIntervalSeconds} s</dd>
          </dl>
        )}
        <p className="muted">
          Not available yet: known hosts and stored credentials (they arrive with device connections); the syslog and metrics ports take effect once the monitor is
          in this build.
        </p>
      </section>
    </div>
  );
}
