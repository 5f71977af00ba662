import { useState } from 'react';
import { useStore } from '../../store/index';
import { selectDoc, selectLab } from '../../store/selectors';
import { useAppTranslation } from '../../i18n';
import { selectMonitorStarting } from './selectors';

/**
 * What to monitor: the lab pair (when it runs) or the pair open in Pairing. Passwords are held
 * in this form only until they are sent, then cleared: never in the store, never on disk.
 */
export function StartPanel() {
  const { t } = useAppTranslation();
  const lab = useStore(selectLab);
  const doc = useStore(selectDoc);
  const starting = useStore(selectMonitorStarting);
  const start = useStore((s) => s.startMonitor);
  const [pw, setPw] = useState({ a: '', b: '' });
  const name = doc && typeof doc.name === 'string' ? doc.name : undefined;
  const startFile = async () => {
    const passwords = { ...(pw.a ? { a: pw.a } : {}), ...(pw.b ? { b: pw.b } : {}) };
    setPw({ a: '', b: '' });
    await start({ source: 'file', text: JSON.stringify(doc), ...(pw.a || pw.b ? { passwords } : {}) });
  };
  return (
    <section className="card start-panel" aria-label={t('monitor.start.title')}>
      <h2>{t('monitor.start.title')}</h2>
      <div className="start-options">
        <div>
          <button type="button" className="primary" disabled={lab.state !== 'running' || starting} onClick={() => void start({ source: 'lab' })}>
            {t('monitor.start.lab')}
          </button>
          {lab.state !== 'running' && <p className="muted small">{t('monitor.start.labFirst')}</p>}
        </div>
        <form
          className="start-file"
          onSubmit={(e) => {
            e.preventDefault();
            void startFile();
          }}
        >
          <p className="small">{name ? t('monitor.start.open', { name }) : t('monitor.start.none')}</p>
          <label className="inline small">
            {t('monitor.start.password', { device: 'A' })}
            <input type="password" autoComplete="off" value={pw.a} onChange={(e) => setPw({ ...pw, a: e.target.value })} disabled={!name} />
          </label>
          <label className="inline small">
            {t('monitor.start.password', { device: 'B' })}
            <input type="password" autoComplete="off" value={pw.b} onChange={(e) => setPw({ ...pw, b: e.target.value })} disabled={!name} />
          </label>
          <button type="submit" disabled={!name || starting}>
            {name ? t('monitor.start.monitorName', { name }) : t('monitor.start.monitorThis')}
          </button>
          <p className="muted small">{t('monitor.start.note')}</p>
        </form>
      </div>
      {starting && (
        <p role="status" className="small">
          {t('monitor.start.starting')}
        </p>
      )}
    </section>
  );
}
