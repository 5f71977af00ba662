import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { MonitorEvent, PairStatus } from '../../../../src/contract/index';
import { useStore } from '../../store/index';
import { clock, deviceName, EVENT_GROUPS, eventText, groupOf, type EventGroup } from '../../../../src/core/monitor/view';
import { selectMonitorEvents, selectMonitorPairs } from './selectors';

export const ROW_HEIGHT = 30;

function Row({ e, pair, top, index }: { e: MonitorEvent; pair: PairStatus | undefined; top: number; index: number }) {
  const t = eventText(e, (k) => deviceName(pair?.health, k));
  const time = clock(e.time, 'local');
  const full = `${time} ${e.pair}: ${t.title}${t.cause ? ` — cause: ${t.cause}` : ''}${t.seenBy ? ` [seen by ${t.seenBy}]` : ''}`;
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
        {t.seenBy ? <span className={`badge seen-${t.seenBy}`}>{t.seenBy}</span> : null}
      </span>
    </div>
  );
}

/**
 * Every event, newest first, virtualised: only the rows in view (plus a few) are in the DOM, so
 * 10,000 events scroll like 50. Filters by pair and by kind.
 */
export function Timeline() {
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
    <section className="card timeline" aria-label="Event timeline">
      <header className="timeline-head">
        <h2>Timeline</h2>
        <label className="inline small">
          Pair
          <select value={pair} onChange={(e) => setPair(e.target.value)}>
            <option value="">all</option>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label className="inline small">
          Show
          <select value={group} onChange={(e) => setGroup(e.target.value as EventGroup)}>
            {EVENT_GROUPS.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small" data-testid="timeline-count">
          {shown.length.toLocaleString('en')} event{shown.length === 1 ? '' : 's'}
        </span>
      </header>
      <div role="table" aria-label="Events, newest first" aria-rowcount={shown.length + 1}>
        <div role="row" aria-rowindex={1} className="tl-row tl-header">
          <span role="columnheader">Time</span>
          <span role="columnheader">Pair</span>
          <span role="columnheader">What happened</span>
          <span role="columnheader">Cause</span>
          <span role="columnheader">Seen by</span>
        </div>
        <div ref={scroller} className="tl-scroll" tabIndex={0} aria-label="Scrollable event list" data-testid="timeline-scroll">
          {shown.length === 0 ? (
            <p className="muted tl-empty">No events yet. They appear here as the devices report them.</p>
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
