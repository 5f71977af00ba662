import type { TFunction } from 'i18next';
import type { DeviceHealth, PairStatus } from '../../../../src/contract/index';
import { deviceName } from '../../../../src/core/monitor/view';
import { useAppTranslation } from '../../i18n';
import { useStore } from '../../store/index';
import { localDateTime } from '../common/intl';
import { OpsBar } from './OpsBar';
import { agoText } from './time-text';

/** The control channel as one device sees it: not answering, or what it last reported. */
function channelWord(t: TFunction, d: DeviceHealth): string {
  if (d.reachable === false) return t('monitor.card.channel.unreachable');
  return t(`monitor.card.channel.${d.controlChannel === 'Connected' ? 'connected' : d.controlChannel === 'Disconnected' ? 'disconnected' : 'unreported'}`);
}

function sessionsText(t: TFunction, sep: string, s: NonNullable<DeviceHealth['sessions']>): string {
  return [
    t('monitor.card.sessionsTotal', { total: s.total }),
    ...(s.sentToPeer !== undefined ? [t('monitor.card.sessionsSent', { count: s.sentToPeer })] : []),
    ...(s.receivedFromPeer !== undefined ? [t('monitor.card.sessionsReceived', { count: s.receivedFromPeer })] : []),
  ].join(sep);
}

function Side({ d, peer, now }: { d: DeviceHealth; peer: string; now: number }) {
  const { t, i18n } = useAppTranslation();
  const clockTime = (ms: number) => localDateTime(i18n.language, ms);
  const name = d.sysname ?? d.key.toUpperCase();
  // The running status is the device's own word (Active, Standby); only "not known" is ours.
  const running = d.reachable === false ? undefined : (d.runningStatus ?? '…');
  const answering =
    d.reachable === undefined
      ? t('monitor.card.notPolled')
      : d.reachable
        ? d.lastSeen
          ? t('monitor.card.yes', { ago: agoText(t, now - d.lastSeen) })
          : t('monitor.card.yesNoTime')
        : d.unreachableSince
          ? t('monitor.card.no', { time: clockTime(d.unreachableSince) })
          : t('monitor.card.noTime');
  return (
    // Not answering: what follows is the last known state, shown dimmed rather than hidden.
    <section className={d.reachable === false ? 'side stale' : 'side'} aria-label={t('monitor.card.device', { key: d.key.toUpperCase(), name })}>
      <h3>
        {d.key.toUpperCase()} · {name} {d.role && <span className="badge">{d.role}</span>}
      </h3>
      <dl className="facts compact">
        <dt>{t('monitor.card.runningStatus')}</dt>
        <dd data-field="runningStatus" data-device={d.key} className={`status-${(running ?? 'unknown').toLowerCase()}`}>
          {running ?? t('monitor.card.runningUnknown')}
        </dd>
        <dt>{t('monitor.card.answering')}</dt>
        <dd className={d.reachable === false ? 'error-text' : undefined}>
          {answering}
          {d.reachable === false && d.lastError ? ` — ${d.lastError}` : ''}
        </dd>
        <dt>{t('monitor.card.channelTo', { peer })}</dt>
        <dd data-field="controlChannel" data-device={d.key} className={d.controlChannel === 'Disconnected' ? 'error-text' : undefined}>
          {channelWord(t, d)}
        </dd>
        <dt>{t('monitor.card.keepalive')}</dt>
        <dd>{d.keepalive ? t('monitor.card.keepaliveValue', { interval: d.keepalive.interval, count: d.keepalive.count }) : '—'}</dd>
        <dt>{t('monitor.card.dataChannel')}</dt>
        <dd className={d.dataChannelState === 'Down' ? 'error-text' : undefined}>
          {d.dataChannelInterface ?? '—'} {d.dataChannelState ? t('monitor.card.dataState', { state: d.dataChannelState }) : ''}
        </dd>
        <dt>{t('monitor.card.consistency')}</dt>
        <dd className={d.consistency?.result === 'Inconsistent' ? 'warn-text' : undefined}>
          {d.consistency ? t('monitor.card.consistencyValue', { result: d.consistency.result, time: clockTime(d.consistency.time) }) : '—'}
        </dd>
        <dt>{t('monitor.card.sessions')}</dt>
        <dd>{d.sessions ? sessionsText(t, i18n.t('core:sep.comma'), d.sessions) : '—'}</dd>
        <dt>{t('monitor.card.switchovers')}</dt>
        <dd>{d.switchoverCount}</dd>
      </dl>
    </section>
  );
}

/** One monitored pair: both devices side by side, the last switchover, the operations. */
export function PairCard({ status, now }: { status: PairStatus; now: number }) {
  const { t, i18n } = useAppTranslation();
  const stop = useStore((s) => s.stopMonitor);
  const clockTime = (ms: number) => localDateTime(i18n.language, ms);
  const h = status.health;
  const last = h.lastSwitchover;
  return (
    <article className={`card pair-card pair-${status.verdict}`} aria-label={t('monitor.card.label', { pair: status.pair })}>
      <header className="pair-head">
        <h2>{status.pair}</h2>
        <span className={`verdict verdict-${status.verdict}`}>{t(`monitor.card.verdict.${status.verdict}`)}</span>
        <span className="muted small">
          {status.mode} · {t(`monitor.card.source.${status.source === 'lab' ? 'lab' : 'file'}`)} · {t('monitor.card.polled', { seconds: status.intervalSeconds })}
        </span>
        <button type="button" className="link" onClick={() => void stop(status.pair)}>
          {t('monitor.card.stop')}
        </button>
      </header>
      <div className="sides">
        <Side d={h.devices.a} peer={deviceName(h, 'b')} now={now} />
        <Side d={h.devices.b} peer={deviceName(h, 'a')} now={now} />
      </div>
      <p className="last-switchover" data-field="lastSwitchover">
        <strong>{t('monitor.card.lastSwitchover')}</strong>{' '}
        {last
          ? t('monitor.card.lastValue', { device: deviceName(h, last.device), from: last.from, to: last.to, cause: last.cause, time: clockTime(last.time), ago: agoText(t, now - last.time) })
          : t('monitor.card.lastNone')}
        {h.channelDownSince !== undefined && <span className="error-text"> · {t('monitor.card.channelDown', { time: clockTime(h.channelDownSince) })}</span>}
      </p>
      <OpsBar status={status} />
    </article>
  );
}
