import { useState } from 'react';
import { useStore } from '../../store/index';
import type { ReportAsk } from '../../store/slices/report';
import { fromBase64, saveFile } from '../../services/files';
import { ErrorNote } from '../pairing/ErrorNote';
import { Modal } from '../monitor/Modal';

const TYPE: Record<string, string> = { html: 'text/html', pdf: 'application/pdf' };

function ReportDialog() {
  const r = useStore((s) => s.report);
  const create = useStore((s) => s.createReport);
  const saved = useStore((s) => s.reportSaved);
  const close = useStore((s) => s.closeReport);
  const [ask, setAsk] = useState<ReportAsk>({ pdf: false, paper: 'A4', engineer: '', customer: '' });
  const busy = r.status === 'running';
  const edit = (p: Partial<ReportAsk>) => setAsk((a) => ({ ...a, ...p }));
  const go = async () => {
    const made = await create(ask);
    if (!made) return;
    for (const f of made.files) saveFile(f.name, fromBase64(f.data), TYPE[f.name.replace(/^.*\./, '')]);
    saved(made.files.map((f) => f.name));
  };
  return (
    <Modal labelledBy="report-title" className="report-dialog" onEscape={() => !busy && close()}>
      <h2 id="report-title">Commissioning report</h2>
      <p className="muted">
        {r.label}: the signed report of this run and the drills that followed it, with space for both signatures. The HTML is the signed original; a PDF is its print.
      </p>
      <form onSubmit={(e) => e.preventDefault()} aria-label="Report options">
        <fieldset disabled={busy}>
          <legend>Format</legend>
          <label className="inline">
            <input type="radio" name="report-format" checked={!ask.pdf} onChange={() => edit({ pdf: false })} /> HTML
          </label>
          <label className="inline">
            <input type="radio" name="report-format" checked={ask.pdf} onChange={() => edit({ pdf: true })} /> HTML and PDF
          </label>
          <label className="inline">
            Paper{' '}
            <select value={ask.paper} onChange={(e) => edit({ paper: e.target.value === 'Letter' ? 'Letter' : 'A4' })}>
              <option>A4</option>
              <option>Letter</option>
            </select>
          </label>
          <label className="inline">
            Engineer <input type="text" maxLength={200} value={ask.engineer} onChange={(e) => edit({ engineer: e.target.value })} />
          </label>
          <label className="inline">
            Customer <input type="text" maxLength={200} value={ask.customer} onChange={(e) => edit({ customer: e.target.value })} />
          </label>
        </fieldset>
      </form>
      {busy && <p role="status">{r.step ?? 'Making the report'}…</p>}
      {r.status === 'done' && r.saved && (
        <div role="status" className="report-saved">
          <p>
            Saved {r.saved.names.map((n, i) => [i > 0 && ' and ', <code key={n}>{n}</code>])}, signed by <code>{r.saved.signer}</code>
            {r.saved.drills > 0 ? `, with ${r.saved.drills} drill${r.saved.drills > 1 ? 's' : ''}` : ', no drill after this run'}.
          </p>
          {r.saved.pdfUnavailable && <p className="warn-text">No PDF: {r.saved.pdfUnavailable}</p>}
        </div>
      )}
      {r.status === 'failed' && r.error && <ErrorNote error={r.error} title="No report." />}
      <div className="button-row">
        <button type="button" data-autofocus disabled={busy} onClick={close}>
          {r.status === 'done' ? 'Close' : 'Cancel'}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void go()}>
          {busy ? 'Signing…' : r.status === 'done' ? 'Make it again' : 'Make and save the report'}
        </button>
      </div>
    </Modal>
  );
}

/** "Report…" for one run (a journal path or run id): opens the report dialog for it. */
export function ReportButton({ run, label, className }: { run: string; label: string; className?: string }) {
  const open = useStore((s) => s.openReport);
  const current = useStore((s) => s.report.run);
  return (
    <>
      <button type="button" className={className ?? 'link'} aria-label={`Report of ${label}`} disabled={current !== undefined && current !== run} onClick={() => open(run, label)}>
        Report…
      </button>
      {current === run && <ReportDialog />}
    </>
  );
}
