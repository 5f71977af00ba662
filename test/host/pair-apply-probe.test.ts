import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comware7 } from '../../src/core/platforms/comware7';
import type { PlatformPack } from '../../src/core/platforms/pack';
import { summarizeJournal } from '../../src/core/provision/journal';
import type { ApplyOutput } from '../../src/contract/index';
import { startLabHost, type LabHost } from './devices-lab';

/** A release whose CLI spells the keepalive interval otherwise: the tool's `keepalive interval 1` is not a command there. */
function otherRelease(): PlatformPack {
  const p = structuredClone(comware7);
  p.commands.keepaliveInterval = { ...p.commands.keepaliveInterval!, template: 'keepalive intervl {seconds}' };
  return p;
}

const probeRecords = (journal: string) =>
  readFileSync(journal, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((x) => JSON.parse(x) as { type: string; phase?: string; reason?: string; unconfirmed?: string[] })
    .filter((r) => r.type === 'probe' && !r.phase?.startsWith('view-'));

// The wizard's push (pair.apply) asks the devices to confirm every planned line before the
// first one is sent: a line they do not know stops it, unless the engineer gives a reason.
describe('pair.apply probes first (lab devices speaking another release)', () => {
  let h: LabHost;
  beforeAll(async () => {
    h = await startLabHost(226, { pack: otherRelease() });
    await h.connect('a');
    await h.connect('b');
  }, 30_000);
  afterAll(async () => {
    await h?.close();
  });

  it('refuses to push without a reason, naming the first line the devices did not confirm', async () => {
    const r = await h.call<ApplyOutput>('pair.apply', { opId: 'op-apply-probe-1', text: h.pairText });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.outcome).toBe('declined');
    expect(r.data.applied).toEqual({ a: 0, b: 0 });
    expect(r.data.error?.code).toBe('COMMAND_REJECTED');
    expect(r.data.error?.message).toMatch(/not confirmed by the devices; nothing was pushed\. First: device A \[remote-backup group\] "keepalive interval 1": unknown at word 2 "interval"/);
    expect(r.data.error?.fix).toMatch(/Push anyway/);
    expect(r.data.probe).toMatchObject({ status: 'refused', unconfirmed: [expect.stringMatching(/device A .*offers: count, intervl/), expect.stringMatching(/device B /)] });
    expect(r.data.probe?.reason).toBeUndefined();
    expect(probeRecords(r.data.journal!)).toEqual([expect.objectContaining({ phase: 'done', unconfirmed: r.data.probe!.unconfirmed })]);
    expect(summarizeJournal(readFileSync(r.data.journal!, 'utf8')).outcome).toBe('declined');
  }, 60_000);

  it('rejects a blank reason before touching the devices', async () => {
    const r = await h.call('pair.apply', { opId: 'op-apply-probe-2', text: h.pairText, forceUnconfirmed: { reason: '   ' } });
    expect(r.ok ? r.data : r.error.code).toBe('VALIDATION');
    const long = await h.call('pair.apply', { opId: 'op-apply-probe-3', text: h.pairText, forceUnconfirmed: { reason: 'x'.repeat(501) } });
    expect(long.ok ? long.data : long.error.code).toBe('VALIDATION');
  });

  it('pushes anyway with a reason, which the journal and the result keep', async () => {
    const reason = 'R9620 release notes: intervl is the new spelling; checked with TAC';
    const r = await h.call<ApplyOutput>('pair.apply', { opId: 'op-apply-probe-4', text: h.pairText, forceUnconfirmed: { reason } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.probe).toMatchObject({ status: 'forced', reason });
    expect(r.data.probe?.unconfirmed).toHaveLength(2);
    expect(probeRecords(r.data.journal!)).toEqual([expect.objectContaining({ phase: 'forced', reason, unconfirmed: r.data.probe!.unconfirmed })]);
    // The device of this release refuses the line when it is typed: the push went ahead, failed there and was rolled back.
    expect(r.data.outcome).toBe('rolled-back');
    expect(r.data.error?.message).toMatch(/keepalive interval 1/);
    expect(r.data.rollback?.a.differences).toEqual([]);
  }, 90_000);
});
