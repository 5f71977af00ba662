import { useState } from 'react';
import { format } from '../../../../src/i18n/create';
import { useAppTranslation } from '../../i18n';
import { useStore } from '../../store/index';
import type { ReportAsk } from '../../store/slices/report';
import { fromBase64, saveFile } from '../../services/files';
import { ErrorNote } from '../pairing/ErrorNote';
import { Modal } from '../monitor/Modal';

const TYPE: Record<string, string> = { html: 'text/html', pdf: 'application/pdf' };

function ReportDialog() {
  const { t, i18n } = useAppTranslation();
  const r = useStore((s) => s.report);
  const create = useStore((s) => s.createReport);
  const saved = useStore((s) => s.reportSaved);
  const close = useStore((s) => s.closeReport);
  const [ask, setAsk] = useState<Omit<ReportAsk, 'lang'>>({ pdf: false, paper: 'A4', engineer: '', customer: '' });
  const busy = r.status === 'running';
  const edit = (p: Partial<ReportAsk>) => setAsk((a) => ({ ...a, ...p }));
  const go = async () => {
    // The report is written in the app's language, as the user reads it now.
    const made = await create({ ...ask, lang: i18n.language });
    if (!made) return;
    for (const f of made.files) saveFile(f.name, fromBase64(f.data), TYPE[f.name.replace(/^.*\./, '')]);
    saved(made.files.map((f) => f.name));
  };
  return (
    <Modal labelledBy="report-title" className="report-dialog" onEscape={() => !busy && close()}>
      <h2 id="report-title">{t('report.title')}</h2>
      <p className="muted">{t('report.intro', { label: r.label })}</p>
      <form onSubmit={(e) => e.preventDefault()} aria-label={t('report.options')}>
        <fieldset disabled={busy}>
          <legend>{t('report.format')}</legend>
          <label className="inline">
            <input type="radio" name="report-format" checked={!ask.pdf} onChange={() => edit({ pdf: false })} /> {t('report.html')}
          </label>
          <label className="inline">
            <input type="radio" name="report-format" checked={ask.pdf} onChange={() => edit({ pdf: true })} /> {t('report.htmlPdf')}
          </label>
          <label className="inline">
            {t('report.paper')}{' '}
            <select value={ask.paper} onChange={(e) => edit({ paper: e.target.value === 'Letter' ? 'Letter' : 'A4' })}>
              <option>A4</option>
              <option>Letter</option>
            </select>
          </label>
          <label className="inline">
            {t('report.engineer')} <input type="text" maxLength={200} value={ask.engineer} onChange={(e) => edit({ engineer: e.target.value })} />
          </label>
          <label className="inline">
            {t('report.customer')} <input type="text" maxLength={200} value={ask.customer} onChange={(e) => edit({ customer: e.target.value })} />
          </label>
        </fieldset>
      </form>
      {busy && <p role="status">{r.step ? `${r.step}…` : t('report.making')}</p>}
      {r.status === 'done' && r.saved && (
        <div role="status" className="report-saved">
          <p>{format(t, i18n.language, 'report.saved', { names: r.saved.names, signer: r.saved.signer, drills: r.saved.drills })}</p>
          {r.saved.pdfUnavailable && <p className="warn-text">{t('report.noPdf', { reason: r.saved.pdfUnavailable })}</p>}
        </div>
      )}
      {r.status === 'failed' && r.error && <ErrorNote error={r.error} title={t('report.failed')} />}
      <div className="button-row">
        <button type="button" data-autofocus disabled={busy} onClick={close}>
          {r.status === 'done' ? t('report.close') : t('report.cancel')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void go()}>
          {busy ? t('report.signing') : r.status === 'done' ? t('report.again') : t('report.make')}
        </button>
      </div>
    </Modal>
  );
}

/** "Report…" for one run (a journal path or run id): opens the report dialog for it. */
export function ReportButton({ run, label, className }: { run: string; label: string; className?: string }) {
  const { t } = useAppTranslation();
  const open = useStore((s) => s.openReport);
  const current = useStore((s) => s.report.run);
  return (
    <>
      <button type="button" className={className ?? 'link'} aria-label={t('report.buttonLabel', { label })} disabled={current !== undefined && current !== run} onClick={() => open(run, label)}>
        {t('report.button')}
      </button>
      {current === run && <ReportDialog />}
    </>
  );
}
