import { useState } from 'react';
import type { MonitorOp, PairStatus } from '../../../../src/contract/index';
import { saidText } from '../../../../src/i18n/progress';
import { useAppTranslation } from '../../i18n';
import { useStore } from '../../store/index';
import { ErrorLine } from '../pairing/ErrorNote';
import { ConfirmDialog } from './ConfirmDialog';
import { DrillDialog } from './DrillDialog';
import { MOVES_TRAFFIC } from './ops-text';
import { selectMonitorOp } from './selectors';

/** The manual operations this pair's mode allows, each behind a confirmation; progress, Cancel and the verified result. */
export function OpsBar({ status }: { status: PairStatus }) {
  const { t, i18n } = useAppTranslation();
  const op = useStore(selectMonitorOp);
  const run = useStore((s) => s.runMonitorOp);
  const cancel = useStore((s) => s.cancelMonitorOp);
  const dismiss = useStore((s) => s.dismissMonitorOp);
  const openDrill = useStore((s) => s.openDrill);
  const drillPair = useStore((s) => s.drill.pair);
  const [asking, setAsking] = useState<MonitorOp | undefined>();
  const mine = op?.pair === status.pair ? op : undefined;
  const busy = op?.state === 'running';
  const label = (o: MonitorOp) => t(`monitor.ops.op.${o}`);
  return (
    <div className="ops" aria-label={t('monitor.ops.label', { pair: status.pair })} role="group">
      <div className="button-row">
        {status.ops.map((o) => (
          <button key={o} type="button" disabled={busy} onClick={() => setAsking(o)}>
            {label(o)}…
          </button>
        ))}
        <button type="button" disabled={busy || drillPair !== undefined} onClick={() => openDrill(status.pair)}>
          {t('monitor.ops.drill')}
        </button>
      </div>
      {drillPair === status.pair && <DrillDialog />}
      {mine && (
        <div className={`op-result op-${mine.state}`} role="status">
          {mine.state === 'running' && (
            <>
              {/* The step is the host's progress line, already in the page's language where core coded it. */}
              <span>{t('monitor.ops.running', { op: label(mine.op), step: mine.step ?? t('monitor.ops.starting') })}</span>
              <button type="button" onClick={() => void cancel()}>
                {t('monitor.ops.cancel')}
              </button>
            </>
          )}
          {mine.state === 'done' && <span>{t('monitor.ops.done', { op: label(mine.op), verified: saidText(i18n, mine.verifiedSaid, mine.verified ?? '') })}</span>}
          {mine.state === 'cancelled' && <span>{t('monitor.ops.cancelled', { op: label(mine.op) })}</span>}
          {mine.state === 'failed' && (
            <span className="error-text">
              {t('monitor.ops.failed', { op: label(mine.op) })} {mine.error && <ErrorLine error={mine.error} />}
            </span>
          )}
          {mine.state !== 'running' && (
            <button type="button" className="link" onClick={dismiss}>
              {t('monitor.ops.dismiss')}
            </button>
          )}
        </div>
      )}
      {asking && (
        <ConfirmDialog
          title={t('monitor.ops.confirmTitle', { op: label(asking), pair: status.pair })}
          body={t(`monitor.ops.explain.${asking}`)}
          confirmLabel={MOVES_TRAFFIC.has(asking) ? t('monitor.ops.now', { op: label(asking) }) : label(asking)}
          cancelLabel={t('monitor.ops.cancel')}
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
