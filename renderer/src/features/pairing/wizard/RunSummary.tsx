import type { ApplyOutput } from '../../../../../src/contract/index';
import { ErrorNote } from '../ErrorNote';

const SAYS: Record<ApplyOutput['outcome'], string> = {
  success: 'Done: verified and saved on both devices.',
  'nothing-to-do': 'Nothing to do: both devices already match.',
  'dry-run': 'Dry run: nothing was pushed.',
  declined: 'Not confirmed: nothing was pushed.',
  'preflight-failed': 'Preflight found errors: nothing was pushed.',
  'rolled-back': 'The push failed or was cancelled; both devices were rolled back to their configuration before the push.',
  'rollback-incomplete': 'The push failed and the rollback is INCOMPLETE: see what differs on each device below.',
  'failed-kept': 'The push failed; what was applied was kept as asked.',
  failed: 'Failed before anything was pushed.',
  recovered: 'Recovered.',
};

/** How a run ended: the outcome, the error with its fix, and where each device stands after a rollback. */
export function RunSummary({ result }: { result: ApplyOutput }) {
  const ok = result.outcome === 'success' || result.outcome === 'nothing-to-do';
  return (
    <section className={`card run-summary ${ok ? 'ok' : 'failed'}`} aria-label="Run result">
      <p role="status">
        <strong>{SAYS[result.outcome]}</strong> Lines applied: A {result.applied.a}, B {result.applied.b}.
      </p>
      {result.error && !ok && <ErrorNote error={result.error} />}
      {result.rollback && (
        <ul className="rollback">
          {(['a', 'b'] as const).map((k) => {
            const d = result.rollback![k];
            return (
              <li key={k}>
                <strong>Device {k.toUpperCase()}:</strong>{' '}
                {d.unreachable
                  ? `not rolled back — ${d.unreachable.reason}${d.unreachable.revertsAt ? `; it reverts by itself at ${d.unreachable.revertsAt} (commit delay)` : ''}`
                  : d.differences.length === 0
                    ? `${d.typed} undo line(s) typed; its configuration equals the copy taken before the push.`
                    : `${d.differences.length} line(s) differ from before the push:`}
                {d.differences.length > 0 && <pre className="script">{d.differences.join('\n')}</pre>}
                {d.errors.map((e) => (
                  <div key={e} className="error-text">
                    refused: {e}
                  </div>
                ))}
              </li>
            );
          })}
        </ul>
      )}
      {result.journal && (
        <p className="muted small">
          Journal: <code>{result.journal}</code>
        </p>
      )}
    </section>
  );
}
