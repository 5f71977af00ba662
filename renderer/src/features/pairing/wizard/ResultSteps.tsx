import { verifyFailureText } from '../../../../../src/i18n/core-text';
import { useAppTranslation } from '../../../i18n';
import { useStore } from '../../../store/index';
import { fromBase64, saveFile } from '../../../services/files';
import { ErrorNote } from '../ErrorNote';
import { HealthMatrix } from './HealthMatrix';
import { RunSummary } from './RunSummary';
import { DrillDialog } from '../../monitor/DrillDialog';
import { ReportButton } from '../../report/ReportButton';

/** Field acceptance after a saved run: a failover drill on the monitored pair, and the signed report. */
function AcceptanceActions({ journal }: { journal?: string }) {
  const name = useStore((s) => (typeof s.editor.doc?.name === 'string' ? s.editor.doc.name : undefined));
  const monitored = useStore((s) => name !== undefined && s.monitor.pairs[name] !== undefined);
  const drillPair = useStore((s) => s.drill.pair);
  const openDrill = useStore((s) => s.openDrill);
  const navigate = useStore((s) => s.navigate);
  const { t } = useAppTranslation();
  return (
    <section aria-label={t('wizard.result.acceptance')} className="acceptance">
      <h3>{t('wizard.result.acceptance')}</h3>
      <div className="button-row">
        {monitored && name ? (
          <button type="button" disabled={drillPair !== undefined} onClick={() => openDrill(name)}>
            {t('wizard.result.drill')}
          </button>
        ) : (
          <>
            <span className="muted small">{t('wizard.result.drillNeedsMonitor')}</span>
            <button type="button" onClick={() => navigate('monitor')}>
              {t('wizard.result.openMonitor')}
            </button>
          </>
        )}
        {journal && <ReportButton run={journal} label={t('wizard.result.reportOf', { name: name ?? t('wizard.result.thePair') })} className="" />}
      </div>
      {name !== undefined && drillPair === name && <DrillDialog />}
    </section>
  );
}

/** Step 6: what verification found, and the health matrix after the push. */
export function VerifyStep() {
  const r = useStore((s) => s.wizard.push.result);
  const goStep = useStore((s) => s.goStep);
  const { t, i18n } = useAppTranslation();
  if (!r) return <p className="muted">{t('wizard.result.verifyPending')}</p>;
  return (
    <section aria-label={t('wizard.result.verifyLabel')}>
      <section className="card">
        <h2>{t(r.verified ? 'wizard.result.verified' : 'wizard.result.notVerified')}</h2>
        <p role="status">{t(r.verified ? 'wizard.result.verifiedText' : 'wizard.result.notVerifiedText')}</p>
        {r.verifyFailures && r.verifyFailures.length > 0 && (
          <ul className="verify-failures">
            {r.verifyFailures.map((f, i) => (
              <li key={i}>{verifyFailureText(i18n, f)}</li>
            ))}
          </ul>
        )}
        {r.healthAfter && <HealthMatrix checks={r.healthAfter} caption={t('wizard.result.healthAfter')} />}
      </section>
      {!r.verified && <RunSummary result={r} />}
      {r.verified && (
        <div className="button-row step-actions">
          <button type="button" className="primary" onClick={() => goStep('save')}>
            {t('wizard.result.nextSave')}
          </button>
        </div>
      )}
    </section>
  );
}

/** Step 7: the save (save force on both, after the commit was confirmed) and the run's journal. */
export function SaveStep() {
  const r = useStore((s) => s.wizard.push.result);
  const goStep = useStore((s) => s.goStep);
  const { t } = useAppTranslation();
  if (!r) return <p className="muted">{t('wizard.result.savePending')}</p>;
  return (
    <section className="card" aria-label={t('wizard.result.saveLabel')}>
      <h2>{t(r.saved ? 'wizard.result.saved' : 'wizard.result.notSaved')}</h2>
      <p role="status">{t(r.saved ? 'wizard.result.savedText' : 'wizard.result.notSavedText')}</p>
      {r.journal && (
        <p>
          {t('wizard.result.runJournal')} <code>{r.journal}</code>
        </p>
      )}
      {r.saved && <AcceptanceActions journal={r.journal} />}
      <div className="button-row step-actions">
        <button type="button" className="primary" onClick={() => goStep('export')}>
          {t('wizard.result.nextExport')}
        </button>
      </div>
    </section>
  );
}

/** Step 8: the pair as a signed offline bundle (.hpb), for a site without network or the records. */
export function ExportStep() {
  const ex = useStore((s) => s.wizard.exported);
  const valid = useStore((s) => s.editor.valid);
  const exportBundle = useStore((s) => s.exportBundle);
  const { t } = useAppTranslation();
  const go = async () => {
    const f = await exportBundle();
    if (f) saveFile(f.name, fromBase64(f.data));
  };
  return (
    <section className="card" aria-label={t('wizard.result.exportLabel')}>
      <h2>{t('wizard.result.exportTitle')}</h2>
      <p>{t('wizard.result.exportIntro')}</p>
      <div className="button-row">
        <button type="button" className="primary" disabled={!valid || ex.status === 'running'} onClick={() => void go()}>
          {t(ex.status === 'running' ? 'wizard.result.signing' : 'wizard.result.exportButton')}
        </button>
      </div>
      {ex.status === 'done' && (
        <p role="status">
          {t('wizard.result.downloaded')} <code>{ex.name}</code> {t('wizard.result.downloadedDetail', { size: ex.size })}
        </p>
      )}
      {ex.error && <ErrorNote error={ex.error} title={t('wizard.result.noBundle')} />}
    </section>
  );
}
