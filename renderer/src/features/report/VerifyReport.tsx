import { useStore } from '../../store/index';
import { fileBase64 } from '../../services/files';

/** Verify a report: whether a saved report is unchanged since it was signed, and who signed it. */
export function VerifyReport() {
  const v = useStore((s) => s.report.verified);
  const busy = useStore((s) => s.report.verifyBusy);
  const error = useStore((s) => s.report.verifyError);
  const verify = useStore((s) => s.verifyReport);
  const onFile = async (file: File | undefined) => {
    if (file) await verify(file.name, await fileBase64(file));
  };
  const verdict = v?.verdict;
  return (
    <section className="card" aria-label="Verify a report">
      <h2>Verify a report</h2>
      <p className="muted">A commissioning report (.html) made here or by <code>hotpair report</code>: any byte changed after signing is refused.</p>
      <label className="inline">
        Report file (.html) <input type="file" accept=".html,text/html" disabled={busy} onChange={(e) => void onFile(e.target.files?.[0])} />
      </label>
      {busy && <p role="status">Checking…</p>}
      {error && (
        <p className="error-text" role="alert">
          {error.message} {error.fix}
        </p>
      )}
      {v && verdict && (
        <div role="status" className={verdict.valid && verdict.trusted ? 'verdict-ok' : 'verdict-bad'}>
          <p>
            <strong>{v.name}: </strong>
            {verdict.valid ? (verdict.trusted ? 'unchanged since it was signed' : 'unchanged, but its signer is not trusted here') : 'refused'}
            {verdict.signer ? (
              <>
                {' '}
                — signed by <code>{verdict.signer}</code>
              </>
            ) : null}
          </p>
          {verdict.findings.map((f) => (
            <p key={f} className={verdict.valid ? 'warn-text' : 'error-text'}>
              {f}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
