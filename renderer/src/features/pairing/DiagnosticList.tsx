import type { Diagnostic } from '../../../../src/contract/index';

/**
 * Findings as the user needs them: which rule, what is wrong, the vendor's reason, what to do.
 * No line numbers: the form sends the document as one line of JSON, so they would mean nothing here.
 */
export function DiagnosticList({ id, diagnostics, showPath = false }: { id?: string; diagnostics: readonly Diagnostic[]; showPath?: boolean }) {
  return (
    <ul className="diagnostics" id={id} role="list">
      {diagnostics.map((d, i) => (
        <li key={`${d.rule}-${d.path}-${i}`} className={`diag diag-${d.severity}`} data-rule={d.rule}>
          <span className="diag-rule">{d.rule}</span>
          {showPath && d.path && <code className="diag-path">{d.path}</code>}
          <span className="diag-message">{d.message}</span>
          {d.reason && <span className="diag-reason">Why: {d.reason}</span>}
          {d.fix && <span className="diag-fix">Fix: {d.fix}</span>}
        </li>
      ))}
    </ul>
  );
}
