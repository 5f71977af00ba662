/**
 * A many-pair lab in its own process (benchmarks measure the monitor's CPU and memory, not the
 * simulator's): prints the lab description as one JSON line, runs until SIGTERM.
 * Usage: node --import tsx lab-child.ts <stateDir> <pairs> <pairIndexBase>
 */
import { startLab } from '../../../../src/lab/lab';

const [stateDir, pairs, base] = process.argv.slice(2);
const lab = await startLab({ stateDir: stateDir!, pairs: Number(pairs), pairIndexBase: Number(base), sshPortBase: 0, console: false, stateFile: false });
// Describe it only once every pair has elected, so the monitor starts on a settled lab.
const t0 = Date.now();
while (!lab.members.every((m) => m.engine.controlConnected() && m.engine.runningStatus() === (m.key.endsWith('a') ? 'Active' : 'Standby'))) {
  if (Date.now() - t0 > 90_000) break;
  await new Promise((r) => setTimeout(r, 100));
}
process.stdout.write(`${JSON.stringify(lab.describe())}\n`);
await new Promise<void>((resolve) => process.once('SIGTERM', () => resolve()));
await lab.stop();
process.exit(0);
