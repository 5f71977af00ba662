import { useState } from 'react';
import type { MonitorOp, PairStatus } from '../../../../src/contract/index';
import { useStore } from '../../store/index';
import { ConfirmDialog } from './ConfirmDialog';
import { DrillDialog } from './DrillDialog';
import { MOVES_TRAFFIC, OP_EXPLAIN, OP_LABEL } from './ops-text';
import { selectMonitorOp } from './selectors';

/** The manual operations this pair's mode allows, each behind a confirmation; progress, Cancel and the verified result. */
export function OpsBar({ status }: { status: PairStatus }) {
  const op = useStore(selectMonitorOp);
  const run = useStore((s) => s.runMonitorOp);
  const cancel = useStore((s) => s.cancelMonitorOp);
  const dismiss = useStore((s) => s.dismissMonitorOp);
  const openDrill = useStore((s) => s.openDrill);
  const drillPair = useStore((s) => s.drill.pair);
  const [asking, setAsking] = useState<MonitorOp | undefined>();
  const mine = op?.pair === status.pair ? op : undefined;
  const busy = op?.state === 'running';
  return (
    <div className="ops" aria-label={`Manual operations on ${status.pair}`} role="group">
      <div className="button-row">
        {status.ops.map((o) => (
          <button key={o} type="button" disabled={busy} onClick={() => setAsking(o)}>
            {OP_LABEL[o]}…
          </button>
        ))}
        <button type="button" disabled={busy || drillPair !== undefined} onClick={() => openDrill(status.pair)}>
          Failover drill…
        </button>
      </div>
      {drillPair === status.pair && <DrillDialog />}
      {mine && (
        <div className={`op-result op-${mine.state}`} role="status">
          {mine.state === 'running' && (
            <>
              <span>
                {OP_LABEL[mine.op]}: {mine.step ?? 'running'}…
              </span>
              <button type="button" onClick={() => void cancel()}>
                Cancel
              </button>
            </>
          )}
          {mine.state === 'done' && <span>{OP_LABEL[mine.op]} done. Verified: {mine.verified}</span>}
          {mine.state === 'cancelled' && <span>{OP_LABEL[mine.op]} cancelled; nothing further was sent.</span>}
          {mine.state === 'failed' && (
            <span className="error-text">
              {OP_LABEL[mine.op]} failed: {mine.error?.message}
              {mine.error?.fix ? ` — ${mine.error.fix}` : ''}
            </span>
          )}
          {mine.state !== 'running' && (
            <button type="button" className="link" onClick={dismiss}>
              Dismiss
            </button>
          )}
        </div>
      )}
      {asking && (
        <ConfirmDialog
          title={`${OP_LABEL[asking]} on ${status.pair}?`}
          body={OP_EXPLAIN[asking]}
          confirmLabel={MOVES_TRAFFIC.has(asking) ? `${OP_LABEL[asking]} now` : OP_LABEL[asking]}
          danger={MOVES_TRAFFIC.has(asking)}
          onCancel={() => setAsking(undefined)}
          onConfirm={() => {
            setAsking(undefined);
            void run(status.pair, asking);
          }}
        />
      )}
    </div>
  );
}
