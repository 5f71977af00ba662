import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { MonitorEvent, PairStatus } from '../../../../src/contract/index';
import { deviceName, EVENT_GROUPS, groupOf, type EventGroup } from '../../../../src/core/monitor/view';
import { monitorEventText, monitorGroupLabel } from '../../../../src/i18n/core-text';
import { useAppTranslation } from '../../i18n';
import { useStore } from '../../store/index';
import { localDateTime } from '../common/intl';
import { selectMonitorEvents, selectMonitorPairs } from './selectors';

export const ROW_HEIGHT = 30;

function Row({ e, pair, top, index }: { e: MonitorEvent; pair: PairStatus | undefined; top: number; index: number }) {
  const { t: tr, i18n } = useAppTranslation();
  // Core's words for the event in the reader's language; what the device logged (causes) stays as it was logged.
  const t = monitorEventText(i18n, e, (k) => deviceName(pair?.health, k));
  const time = localDateTime(i18n.language, e.time);
  const seen = t.seenBy ? tr(`monitor.timeline.seen.${t.seenBy}`) : '';
  const full =
    tr('monitor.timeline.full', { time, pair: e.pair, title: t.title }) + (t.cause ? tr('monitor.timeline.fullCause', { cause: t.cause }) : '') + (seen ? tr('monitor.timeline.fullSeen', { seen }) : '');
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`tl-row tone-${t.tone}`}
      style={{ transform: `translateY(${top}px)` }}
      data-kind={e.kind}
      data-time={e.time}
      title={full}
    >
      <span role="cell" className="tl-time">
        {time}
      </span>
      <span role="cell" className="tl-pair">
        {e.pair}
      </span>
      <span role="cell" className="tl-what">
        {t.title}
      </span>
      <span role="cell" className="tl-cause">
        {t.cause ?? ''}
      </span>
      <span role="cell" className="tl-seen">
        {t.seenBy ? <span className={`badge seen-${t.seenBy}`}>{seen}</span> : null}
      </span>
    </div>
  );
}

/**
 * Every event, newest first, virtualised: only the rows in view (plus a few) are in the DOM, so
 * 10,000 events scroll like 50. Filters by pair and by kind.
 */
export function Timeline() {
  const { t, i18n } = useAppTranslation();
  const events = useStore(selectMonitorEvents);
  const pairs = useStore(selectMonitorPairs);
  const [pair, setPair] = useState('');
  const [group, setGroup] = useState<EventGroup>('all');
  const shown = useMemo(() => {
    if (!pair && group === 'all') return events;
    return events.filter((e) => (!pair || e.pair === pair) && (group === 'all' || groupOf(e) === group));
  }, [events, pair, group]);
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // The first frame renders before the element is measured; tests in jsdom never measure it.
    initialRect: { width: 900, height: 420 },
  });
  const names = useMemo(() => [...new Set([...Object.keys(pairs), ...events.slice(-2000).map((e) => e.pair)])].sort(), [pairs, events]);
  return (
    <section className="card timeline" aria-label={t('monitor.timeline.label')}>
      <header className="timeline-head">
        <h2>{t('monitor.timeline.title')}</h2>
        <label className="inline small">
          {t('monitor.timeline.pair')}
          <select value={pair} onChange={(e) => setPair(e.target.value)}>
            <option value="">{t('monitor.timeline.all')}</option>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label className="inline small">
          {t('monitor.timeline.show')}
          <select value={group} onChange={(e) => setGroup(e.target.value as EventGroup)}>
            {EVENT_GROUPS.map((g) => (
              <option key={g.id} value={g.id}>
                {monitorGroupLabel(i18n, g.id)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small" data-testid="timeline-count">
          {t('monitor.timeline.count', { count: shown.length })}
        </span>
      </header>
      <div role="table" aria-label={t('monitor.timeline.table')} aria-rowcount={shown.length + 1}>
        <div role="row" aria-rowindex={1} className="tl-row tl-header">
          <span role="columnheader">{t('monitor.timeline.time')}</span>
          <span role="columnheader">{t('monitor.timeline.pair')}</span>
          <span role="columnheader">{t('monitor.timeline.what')}</span>
          <span role="columnheader">{t('monitor.timeline.cause')}</span>
          <span role="columnheader">{t('monitor.timeline.seenBy')}</span>
        </div>
        <div ref={scroller} className="tl-scroll" tabIndex={0} aria-label={t('monitor.timeline.scroll')} data-testid="timeline-scroll">
          {shown.length === 0 ? (
            <p className="muted tl-empty">{t('monitor.timeline.empty')}</p>
          ) : (
            <div className="tl-inner" style={{ height: v.getTotalSize() }} role="rowgroup">
              {v.getVirtualItems().map((item) => {
                const e = shown[shown.length - 1 - item.index]!; // newest first without copying the list
                return <Row key={e.id} e={e} pair={pairs[e.pair]} top={item.start} index={item.index} />;
              })}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
