import { useAppTranslation } from '../../i18n';
import { useStore } from '../../store/index';
import { ErrorLine } from '../pairing/ErrorNote';
import { fileBase64 } from '../../services/files';

/** Verify a report: whether a saved report is unchanged since it was signed, and who signed it. */
export function VerifyReport() {
  const { t } = useAppTranslation();
  const v = useStore((s) => s.report.verified);
  const busy = useStore((s) => s.report.verifyBusy);
  const error = useStore((s) => s.report.verifyError);
  const verify = useStore((s) => s.verifyReport);
  const onFile = async (file: File | undefined) => {
    if (file) await verify(file.name, await fileBase64(file));
  };
  const verdict = v?.verdict;
  return (
    <section className="card" aria-label={t('report.verify.title')}>
      <h2>{t('report.verify.title')}</h2>
      <p className="muted">{t('report.verify.intro')}</p>
      <label className="inline">
        {t('report.verify.file')} <input type="file" accept=".html,text/html" disabled={busy} onChange={(e) => void onFile(e.target.files?.[0])} />
      </label>
      {busy && <p role="status">{t('report.verify.checking')}</p>}
      {error && (
        <p className="error-text" role="alert">
          <ErrorLine error={error} />
        </p>
      )}
      {v && verdict && (
        <div role="status" className={verdict.valid && verdict.trusted ? 'verdict-ok' : 'verdict-bad'}>
          <p>
            <strong>{t('report.verify.name', { name: v.name })}</strong> {t(`report.verify.${verdict.valid ? (verdict.trusted ? 'ok' : 'untrusted') : 'refused'}`)}
            {verdict.signer ? (
              <>
                {' '}
                {t('report.verify.signedBy')} <code>{verdict.signer}</code>
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
