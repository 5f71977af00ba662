/**
 * drill.run: the failover drill (src/core/drill) on a monitored pair, over sessions of its own
 * (the monitor keeps polling and records the switchovers the drill causes). Like the CLI, every
 * drill is a journal run and an event in the monitor's history; asking for its plan is neither.
 */
import { randomUUID } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { AppError } from '../../core/base/errors';
import { PRODUCT_NAME, PRODUCT_VERSION } from '../../core/base/product';
import { drillEvent } from '../../core/drill/event';
import { summarize } from '../../core/drill/figures';
import { tcpProber } from '../../core/drill/node/probes';
import { monitoredInterfaces, parseProbe, PROBE_FORM, type DrillPlan } from '../../core/drill/plan';
import { runDrill } from '../../core/drill/run';
import { figuresSaid, stepSaid } from '../../core/drill/run-text';
import type { DrillKind, ProbeTarget } from '../../core/drill/types';
import { formatConnectTarget } from '../../core/model/connect';
import type { DeviceKey } from '../../core/model/pair';
import { JournalFile, newJournalPath } from '../../core/provision/node/journal-file';
import type { MonitorManager } from '../monitor/manager';
import type { HandlerContext, Handlers } from '../types';

type DrillAsk = { pair: string; kind: DrillKind; probes: string[]; fallback: boolean };

/**
 * One drill over the monitored pair's own connections: drill.plan runs it up to its confirmation
 * (answered no, no journal: nothing is changed or recorded), drill.run runs it with the answer given.
 */
async function drillOn(manager: MonitorManager, input: DrillAsk, ctx: HandlerContext, o: { answer: string | false; journal?: JournalFile }) {
  const subject = manager.subject(input.pair);
  const probes: ProbeTarget[] = [];
  for (const p of input.probes) {
    const r = parseProbe(p);
    if (!r.ok) throw new AppError('VALIDATION', `Probe "${p}": ${PROBE_FORM}`, { message: { key: 'drillRun.probe.invalid', params: { text: p } } });
    probes.push(r.target);
  }
  const where = async (k: DeviceKey) => {
    const t = subject.devices[k].target;
    return t.kind === 'ssh' ? ((await lookup(t.host).catch(() => undefined))?.address ?? t.host) : undefined;
  };
  const management = { a: await where('a'), b: await where('b') };
  let plan: DrillPlan | undefined;
  const record = await runDrill({
    pair: subject.pair,
    kind: input.kind,
    probes,
    fallback: input.fallback,
    open: async (k, signal) => {
      const d = subject.devices[k];
      return (await subject.connector.openWith({ target: d.target, ask: subject.ask, signal, label: `${subject.name}-${d.sysname}-drill` }, d.credentials)).session;
    },
    prober: tcpProber,
    signal: ctx.signal,
    management,
    ...(o.journal ? { journal: o.journal } : {}),
    confirm: async (p) => ((plan = p), o.answer),
    emit: (e) => {
      const said = e.kind === 'step' ? stepSaid(e.entry) : e.kind === 'figures' ? figuresSaid(e.figures) : undefined;
      if (said) ctx.progress({ step: said.text, ...(said.code ? { code: said.code, ...(said.params ? { params: said.params } : {}) } : {}) });
    },
    meta: { runId: randomUUID(), targets: { a: formatConnectTarget(subject.devices.a.target), b: formatConnectTarget(subject.devices.b.target) }, tool: `${PRODUCT_NAME} ${PRODUCT_VERSION}` },
  });
  return { subject, record, plan: plan as DrillPlan | undefined };
}

export function drillHandlers(manager: MonitorManager, journalBase: string): Handlers {
  return {
    'drill.plan': async (input, ctx) => {
      const { subject, record, plan } = await drillOn(manager, input, ctx, { answer: false });
      return {
        pair: subject.name,
        plan: plan?.lines ?? [],
        ...(plan?.said ? { said: plan.said } : {}),
        ...(plan?.confirmWord ? { confirmWord: plan.confirmWord } : {}),
        ...(record.outcome === 'declined' ? {} : { refused: record.message, ...(record.said ? { refusedSaid: record.said } : {}) }),
        interfaces: monitoredInterfaces(subject.pair),
      };
    },
    'drill.run': async (input, ctx) => {
      const path = newJournalPath(journalBase, manager.subject(input.pair).pair.name);
      const journal = new JournalFile(path);
      try {
        const { record, plan } = await drillOn(manager, input, ctx, { answer: input.confirmation, journal });
        manager.recordEvents([drillEvent(record, path)]);
        return {
          ...summarize(record),
          plan: plan?.lines ?? [],
          ...(plan?.confirmWord ? { confirmWord: plan.confirmWord } : {}),
          standing: record.standing,
          ...(record.standingSaid ? { standingSaid: record.standingSaid } : {}),
          journal: path,
        };
      } finally {
        journal.close();
      }
    },
  };
}
