import { useEffect, useMemo, useState } from 'react';
import { useStore } from '../../store/index';
import { selectSettings } from '../../store/selectors';
import { FIELDS, fieldLabel, fromForm, toForm, validateMonitorForm, type MonitorForm } from './validate';
import { useAppTranslation } from '../../i18n';

/** Syslog/metrics listeners and the poll interval, validated as typed; saved together. */
export function MonitorSettings() {
  const settings = useStore(selectSettings);
  const save = useStore((s) => s.saveSettings);
  const [form, setForm] = useState<MonitorForm | undefined>();
  const [saved, setSaved] = useState(false);
  const { t, i18n } = useAppTranslation();
  useEffect(() => {
    if (settings && !form) setForm(toForm(settings));
  }, [settings, form]);
  const lng = i18n.language;
  const say = useMemo(() => (key: string, params: Record<string, string | number>) => t(key, params), [t]);
  const errors = useMemo(() => (form ? validateMonitorForm(form, say, lng) : {}), [form, say, lng]);
  if (!form) return null;
  const bad = Object.keys(errors).length > 0;

  return (
    <form
      className="card"
      aria-label={t('settings.monitor.label')}
      onSubmit={(e) => {
        e.preventDefault();
        if (bad) return;
        void save(fromForm(form)).then(() => setSaved(true));
      }}
    >
      <h2>{t('settings.monitor.title')}</h2>
      {FIELDS.map((f) => (
        <label key={f.key} className="field" data-field={f.key}>
          {fieldLabel(say, f.key)}
          <input
            value={form[f.key]}
            inputMode={f.inputMode}
            aria-invalid={errors[f.key] ? true : undefined}
            aria-describedby={errors[f.key] ? `err-${f.key}` : undefined}
            onChange={(e) => {
              setSaved(false);
              setForm({ ...form, [f.key]: e.target.value.trim() });
            }}
          />
          {errors[f.key] && (
            <span id={`err-${f.key}`} className="error-text small">
              {errors[f.key]}
            </span>
          )}
        </label>
      ))}
      <p className="button-row">
        <button type="submit" className="primary" disabled={bad}>
          {t('settings.monitor.save')}
        </button>
        {saved && <span role="status">{t('settings.monitor.saved')}</span>}
      </p>
    </form>
  );
}
