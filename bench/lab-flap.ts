import { pathToFileURL } from 'node:url';
import { runFlap } from '../test/lab/rbm/flap-run';

/**
 * In a 100-pair lab one pair once kept flapping (B Standby↔Active once a second,
 * "Peer lost" / "Election"). 100 pairs with keepalive 1 s × 3 run under event-loop stalls, two of
 * them with a stranger (another lab's pair on the same loopback addresses and port); every
 * switchover and every Disconnected channel is a flap. Env: HOTPAIR_FLAP_PAIRS (100),
 * HOTPAIR_FLAP_SECONDS (40), HOTPAIR_FLAP_STALL_MS (2500), HOTPAIR_FLAP_INTRUDERS (2).
 */
const PAIRS = Number(process.env.HOTPAIR_FLAP_PAIRS ?? 100);
const SECONDS = Number(process.env.HOTPAIR_FLAP_SECONDS ?? 40);
const STALL_MS = Number(process.env.HOTPAIR_FLAP_STALL_MS ?? 2_500);
const INTRUDERS = Number(process.env.HOTPAIR_FLAP_INTRUDERS ?? 2);

export async function run() {
  const r = await runFlap({ pairs: PAIRS, seconds: SECONDS, maxStallMs: STALL_MS, pairIndexBase: 150, intruders: INTRUDERS });
  for (const d of r.details.slice(0, 40)) process.stderr.write(`lab-flap: ${d}\n`);
  // The bench table counts measured ≤ bound as within: a bound of 0.5 lets only 0 through.
  return [
    { name: `${PAIRS} pairs, ${SECONDS} s of stalls up to ${r.maxStallMs.toFixed(0)} ms, ${INTRUDERS} strangers: switchovers (must be 0)`, measured: r.statusChanges, bound: 0.5, unit: '' },
    { name: `${PAIRS} pairs: Disconnected channels (must be 0)`, measured: r.disconnects, bound: 0.5, unit: '' },
    { name: `${PAIRS} pairs: pairs not Connected on both sides at the end (must be 0)`, measured: r.unsettledAtEnd.length, bound: 0.5, unit: 'pairs' },
  ];
}

// `npx tsx bench/lab-flap.ts` prints the figures directly.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await run()) process.stdout.write(`${r.name}: ${r.measured} ${r.unit} (bound ${r.bound})\n`);
}
