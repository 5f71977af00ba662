import type { DeviceHealth, PairStatus } from '../../../../src/contract/index';
import { useStore } from '../../store/index';
import { channelText, clock, deviceName, duration } from '../../../../src/core/monitor/view';
import { OpsBar } from './OpsBar';

const clockTime = (ms: number) => clock(ms, 'local');
const ago = (ms: number) => `${duration(ms, 'long')} ago`;

const VERDICT: Record<PairStatus['verdict'], string> = { healthy: 'Healthy', degraded: 'Degraded', down: 'Down', unknown: 'Waiting for the first poll' };

function Side({ d, peer, now }: { d: DeviceHealth; peer: string; now: number }) {
  const name = d.sysname ?? d.key.toUpperCase();
  const running = d.reachable === false ? 'Unknown' : (d.runningStatus ?? '…');
  return (
    // Not answering: what follows is the last known state, shown dimmed rather than hidden.
    <section className={d.reachable === false ? 'side stale' : 'side'} aria-label={`Device ${d.key.toUpperCase()} ${name}`}>
      <h3>
        {d.key.toUpperCase()} · {name} {d.role && <span className="badge">{d.role}</span>}
      </h3>
      <dl className="facts compact">
        <dt>Running status</dt>
        <dd data-field="runningStatus" data-device={d.key} className={`status-${running.toLowerCase()}`}>
          {running}
        </dd>
        <dt>Answering</dt>
        <dd className={d.reachable === false ? 'error-text' : undefined}>
          {d.reachable === undefined ? 'not polled yet' : d.reachable ? `yes, last poll ${d.lastSeen ? ago(now - d.lastSeen) : ''}` : `NO since ${d.unreachableSince ? clockTime(d.unreachableSince) : '?'}`}
          {d.reachable === false && d.lastError ? ` — ${d.lastError}` : ''}
        </dd>
        <dt>Channel to {peer}</dt>
        <dd data-field="controlChannel" data-device={d.key} className={d.controlChannel === 'Disconnected' ? 'error-text' : undefined}>
          {channelText(d)}
        </dd>
        <dt>Keepalive</dt>
        <dd>{d.keepalive ? `${d.keepalive.interval} s × ${d.keepalive.count}` : '—'}</dd>
        <dt>Data channel</dt>
        <dd className={d.dataChannelState === 'Down' ? 'error-text' : undefined}>
          {d.dataChannelInterface ?? '—'} {d.dataChannelState ? `(${d.dataChannelState.toLowerCase()})` : ''}
        </dd>
        <dt>Consistency</dt>
        <dd className={d.consistency?.result === 'Inconsistent' ? 'warn-text' : undefined}>
          {d.consistency ? `${d.consistency.result}, ${clockTime(d.consistency.time)}` : '—'}
        </dd>
        <dt>Sessions</dt>
        <dd>
          {d.sessions
            ? `${d.sessions.total} total${d.sessions.sentToPeer !== undefined ? `, ${d.sessions.sentToPeer} sent to peer` : ''}${d.sessions.receivedFromPeer !== undefined ? `, ${d.sessions.receivedFromPeer} from peer` : ''}`
            : '—'}
        </dd>
        <dt>Switchovers seen</dt>
        <dd>{d.switchoverCount}</dd>
      </dl>
    </section>
  );
}

/** One monitored pair: both devices side by side, the last switchover, the operations. */
export function PairCard({ status, now }: { status: PairStatus; now: number }) {
  const stop = useStore((s) => s.stopMonitor);
  const h = status.health;
  const last = h.lastSwitchover;
  return (
    <article className={`card pair-card pair-${status.verdict}`} aria-label={`Pair ${status.pair}`}>
      <header className="pair-head">
        <h2>{status.pair}</h2>
        <span className={`verdict verdict-${status.verdict}`}>{VERDICT[status.verdict]}</span>
        <span className="muted small">
          {status.mode} · {status.source === 'lab' ? 'lab pair' : 'pair file'} · polled every {status.intervalSeconds} s
        </span>
        <button type="button" className="link" onClick={() => void stop(status.pair)}>
          Stop monitoring
        </button>
      </header>
      <div className="sides">
        <Side d={h.devices.a} peer={deviceName(h, 'b')} now={now} />
        <Side d={h.devices.b} peer={deviceName(h, 'a')} now={now} />
      </div>
      <p className="last-switchover" data-field="lastSwitchover">
        <strong>Last switchover: </strong>
        {last
          ? `${deviceName(h, last.device)} ${last.from} → ${last.to}, cause: ${last.cause} — ${clockTime(last.time)} (${ago(now - last.time)})`
          : 'none seen since monitoring started'}
        {h.channelDownSince !== undefined && <span className="error-text"> · control channel down since {clockTime(h.channelDownSince)}</span>}
      </p>
      <OpsBar status={status} />
    </article>
  );
}
