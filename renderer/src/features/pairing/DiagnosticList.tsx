import type { Diagnostic } from '../../../../src/contract/index';
import { preflightText } from '../../../../src/i18n/index';
import { useAppTranslation } from '../../i18n';

/**
 * Findings as the user needs them: which rule, what is wrong, the vendor's reason, what to do.
 * Message and fix come from the finding's code and params in the user's language; the reason is the
 * vendor's English sentence, quoted as it is. No line numbers: the form sends the document as one
 * line of JSON, so they would mean nothing here.
 */
export function DiagnosticList({ id, diagnostics, showPath = false }: { id?: string; diagnostics: readonly Diagnostic[]; showPath?: boolean }) {
  const { t, i18n } = useAppTranslation();
  return (
    <ul className="diagnostics" id={id} role="list">
      {diagnostics.map((d, i) => {
        // A rule's finding and a preflight check on the devices' facts alike.
        const text = preflightText(i18n, d);
        return (
          <li key={`${d.rule}-${d.path}-${i}`} className={`diag diag-${d.severity}`} data-rule={d.rule} data-code={d.code}>
            <span className="diag-rule">{d.rule}</span>
            {showPath && d.path && <code className="diag-path">{d.path}</code>}
            <span className="diag-message">{text.message}</span>
            {text.reason && (
              <span className="diag-reason">
                {t('diagnostics.why', { reason: text.reason })}
              </span>
            )}
            {text.fix && <span className="diag-fix">{t('diagnostics.fix', { fix: text.fix })}</span>}
          </li>
        );
      })}
    </ul>
  );
}
