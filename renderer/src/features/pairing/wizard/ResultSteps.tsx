import { useStore } from '../../../store/index';
import { downloadBase64 } from '../download';
import { ErrorNote } from '../ErrorNote';
import { HealthMatrix } from './HealthMatrix';
import { RunSummary } from './RunSummary';

/** Step 6: what verification found, and the health matrix after the push. */
export function VerifyStep() {
  const r = useStore((s) => s.wizard.push.result);
  const goStep = useStore((s) => s.goStep);
  if (!r) return <p className="muted">Verification runs as part of the push (step 5).</p>;
  return (
    <section aria-label="Verification">
      <section className="card">
        <h2>{r.verified ? 'Verified' : 'Not verified'}</h2>
        <p role="status">
          {r.verified
            ? 'Control channel Connected on both sides, roles and running status as planned, data channel up, configuration consistent, VRRP as expected.'
            : 'Verification did not pass; the run was rolled back (see below).'}
        </p>
        {r.verifyFailures && r.verifyFailures.length > 0 && (
          <ul className="verify-failures">
            {r.verifyFailures.map((f, i) => (
              <li key={i}>
                {f.device === 'pair' ? 'Pair' : `Device ${f.device.toUpperCase()}`}: {f.expectation} — expected {f.expected}, seen {f.seen}
              </li>
            ))}
          </ul>
        )}
        {r.healthAfter && <HealthMatrix checks={r.healthAfter} caption="Pair health after the push" />}
      </section>
      {!r.verified && <RunSummary result={r} />}
      {r.verified && (
        <div className="button-row step-actions">
          <button type="button" className="primary" onClick={() => goStep('save')}>
            Next: save
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
  if (!r) return <p className="muted">Both devices are saved at the end of a verified push (step 5).</p>;
  return (
    <section className="card" aria-label="Save">
      <h2>{r.saved ? 'Saved on both devices' : 'Not saved'}</h2>
      <p role="status">
        {r.saved
          ? 'The commit was confirmed and "save force" succeeded on A and B: a restart keeps the pair as commissioned.'
          : 'Nothing was saved: the devices keep (or went back to) their saved configuration from before.'}
      </p>
      {r.journal && (
        <p>
          Journal of the run: <code>{r.journal}</code>
        </p>
      )}
      <div className="button-row step-actions">
        <button type="button" className="primary" onClick={() => goStep('export')}>
          Next: export as a bundle
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
  const go = async () => {
    const f = await exportBundle();
    if (f) downloadBase64(f.name, f.data);
  };
  return (
    <section className="card" aria-label="Export">
      <h2>Export as a bundle</h2>
      <p>A signed .hpb file with this pair, both devices&apos; scripts and undo scripts and the expected verification. No passwords are included.</p>
      <div className="button-row">
        <button type="button" className="primary" disabled={!valid || ex.status === 'running'} onClick={() => void go()}>
          {ex.status === 'running' ? 'Signing…' : 'Export signed bundle (.hpb)'}
        </button>
      </div>
      {ex.status === 'done' && (
        <p role="status">
          Downloaded <code>{ex.name}</code> ({ex.size} bytes), signed with this machine&apos;s key.
        </p>
      )}
      {ex.error && <ErrorNote error={ex.error} title="No bundle." />}
    </section>
  );
}
