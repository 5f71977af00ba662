import { useEffect, useMemo, useState } from 'react';
import { useStore } from '../../store/index';
import { selectSettings } from '../../store/selectors';
import { fromForm, toForm, validateMonitorForm, type MonitorForm } from './validate';

const FIELDS: { key: keyof MonitorForm; label: string; inputMode: 'numeric' | 'text' }[] = [
  { key: 'syslogAddress', label: 'Syslog receiver address', inputMode: 'text' },
  { key: 'syslogPort', label: 'Syslog receiver port (UDP)', inputMode: 'numeric' },
  { key: 'metricsAddress', label: 'Metrics endpoint address', inputMode: 'text' },
  { key: 'metricsPort', label: 'Metrics endpoint port (TCP)', inputMode: 'numeric' },
  { key: 'interval', label: 'Monitor poll interval (seconds)', inputMode: 'numeric' },
];

/** Syslog/metrics listeners and the poll interval, validated as typed; saved together. */
export function MonitorSettings() {
  const settings = useStore(selectSettings);
  const save = useStore((s) => s.saveSettings);
  const [form, setForm] = useState<MonitorForm | undefined>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings && !form) setForm(toForm(settings));
  }, [settings, form]);
  const errors = useMemo(() => (form ? validateMonitorForm(form) : {}), [form]);
  if (!form) return null;
  const bad = Object.keys(errors).length > 0;

  return (
    <form
      className="card"
      aria-label="Monitor settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (bad) return;
        void save(fromForm(form)).then(() => setSaved(true));
      }}
    >
      <h2>Monitor</h2>
      {FIELDS.map((f) => (
        <label key={f.key} className="field" data-field={f.key}>
          {f.label}
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
          Save
        </button>
        {saved && <span role="status">Saved. A pair picks up new ports and interval when its monitoring (re)starts.</span>}
      </p>
    </form>
  );
}
