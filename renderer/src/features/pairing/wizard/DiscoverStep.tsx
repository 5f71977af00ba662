import { useEffect } from 'react';
import type { DeviceFacts } from '../../../../../src/contract/index';
import { useStore } from '../../../store/index';
import { ErrorNote } from '../ErrorNote';
import { FactsTable } from './FactsTable';

/** Step 2: read both devices (started on arrival), then show them side by side with the differences that matter. */
export function DiscoverStep() {
  const disc = useStore((s) => s.wizard.discover);
  const connected = useStore((s) => s.wizard.devices.a.status === 'connected' && s.wizard.devices.b.status === 'connected');
  const { discover, cancelStep, goStep } = useStore.getState();
  useEffect(() => {
    if (connected && disc.status === 'idle') void discover();
  }, [connected, disc.status, discover]);

  const a = disc.facts?.a as DeviceFacts | undefined;
  const b = disc.facts?.b as DeviceFacts | undefined;
  const errors = (disc.mismatches ?? []).filter((m) => m.severity === 'error').length;
  return (
    <section className="card" aria-label="Discovery">
      <div className="preview-head">
        <h2>Discovery</h2>
        {disc.status === 'running' ? (
          <>
            <span role="status">{disc.step ?? 'Reading…'}</span>
            <button type="button" onClick={() => void cancelStep('discover')}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" onClick={() => void discover()} disabled={!connected}>
            Read again
          </button>
        )}
      </div>
      {!connected && <p className="muted">Connect both devices first (step 1).</p>}
      {disc.error && <ErrorNote error={disc.error} title="Discovery failed." />}
      {disc.status === 'done' && a && b && (
        <>
          <p role="status" className={errors ? 'error-text' : undefined}>
            {disc.mismatches?.length ? `${disc.mismatches.length} difference${disc.mismatches.length === 1 ? '' : 's'} to look at${errors ? `, ${errors} that RBM cannot pair` : ''} (highlighted).` : 'No differences that matter for pairing.'}
          </p>
          <FactsTable a={a} b={b} mismatches={disc.mismatches ?? []} />
          <div className="button-row step-actions">
            <button type="button" className="primary" onClick={() => goStep('settings')}>
              Next: hot-backup settings
            </button>
          </div>
        </>
      )}
    </section>
  );
}
