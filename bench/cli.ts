/**
 * How long `hotpair validate` takes from start to exit, against bare `node -e 0` on the same
 * machine in the same run: the CLI must start at once (bound: 4 × bare Node).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 10;
const BOUND_RATIO = 4;
/** One run of either command; far above either, it only stops a hung child. */
const RUN_TIMEOUT_MS = 30_000;

function timeOnce(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: RUN_TIMEOUT_MS });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(-300)}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export function run() {
  const cli = ['bin/hotpair.mjs', 'validate', 'resources/examples/as-vrrp.yaml'];
  const bare = ['-e', '0'];
  timeOnce(cli); // builds the CLI when a source changed: that is not what a user waits for on each call
  const ours: number[] = [];
  const node: number[] = [];
  // Interleaved, so a burst of load elsewhere on the machine falls on both sides alike.
  for (let i = 0; i < RUNS; i++) {
    ours.push(timeOnce(cli));
    node.push(timeOnce(bare));
  }
  const o = median(ours);
  const n = median(node);
  return [
    {
      name: `cli: hotpair validate as-vrrp.yaml, start to exit (median of ${RUNS}; bare node -e 0 ${n.toFixed(0)} ms; bound = ${BOUND_RATIO} × node; hotpair/node ${(o / n).toFixed(2)})`,
      measured: o,
      bound: BOUND_RATIO * n,
      unit: 'ms',
    },
  ];
}
