/**
 * Commissioning converges whichever device is slow: a primary whose control channel comes up well
 * after the keepalive budget (a slow session, a loaded machine) still ends Active. Typed on both
 * devices at once, the secondary's channel came up first, it went Active alone (peer lost) and
 * kept Active when the primary joined: verification failed and both devices were rolled back.
 */
import { afterEach, expect, it } from 'vitest';
import { comware7 } from '../../src/core/platforms/comware7';
import type { SessionFactory } from '../../src/core/provision/types';
import { runPair } from '../../src/core/provision/workflow';
import { examplePair, memoryJournal, startLabPair, type LabPair } from './lab-pair';

/** Longer than the lab pair's keepalive budget (1 s × 3): the peer that is up gives up waiting. */
const LATE_MS = 4_500;

let lab: LabPair | undefined;
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
});

it('a primary whose remote-ip lands after the keepalive budget still ends Active, the secondary Standby', async () => {
  lab = await startLabPair(77);
  const l = lab;
  const open: SessionFactory = async (k, signal) => {
    const s = await l.open(k, signal);
    if (k !== 'a') return s;
    const exec = s.exec.bind(s);
    // The line that starts the primary's control channel, held back as a slow session would.
    s.exec = async (line, o) => {
      if (line.startsWith('remote-ip ')) await new Promise((r) => setTimeout(r, LATE_MS));
      return exec(line, o);
    };
    return s;
  };
  const r = await runPair({ pair: examplePair('lab'), pack: comware7, open, journal: memoryJournal(), timeouts: { verifyMs: 15_000 }, meta: { runId: 'late-primary', targets: { a: 'a', b: 'b' }, tool: 'test' } });
  expect(r.error).toBeUndefined();
  expect(r.outcome).toBe('success');
  expect(l.lab.engine('a').runningStatus()).toBe('Active');
  expect(l.lab.engine('b').runningStatus()).toBe('Standby');
  // B never carried the traffic on its own: it joined as Standby.
  expect(l.lab.engine('b').status().switchovers.map((x) => x.to)).toEqual(['Standby']);
}, 60_000);
