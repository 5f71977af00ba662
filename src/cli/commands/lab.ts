import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadPairText } from '../../core/model/load';
import type { Pair } from '../../core/model/pair';
import { FAULT_KINDS, sendFault } from '../../lab/faults';
import { startLab, type Lab } from '../../lab/lab';
import type { LabDescription } from '../../lab/lab-description';
import { defaultStateDir } from '../../lab/state-dir';

interface LabCliOptions {
  pair?: string;
  pairs?: string;
  baud?: string;
  stateDir?: string;
  json?: boolean;
  sshPortBase?: string;
  console: boolean;
}

function positiveInt(text: string | undefined, what: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new Error(`${what} must be a whole number, got ${text}`);
  return Number(text);
}

function readPair(file: string): Pair {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const r = loadPairText(text, file);
  if (!r.ok) throw new Error(`${file} is not a valid pair file:\n${r.errors.map((e) => `  ${e.line !== undefined ? `${e.line}:${e.column ?? 1} ` : ''}${e.path ? `${e.path}: ` : ''}${e.message}`).join('\n')}`);
  return r.pair;
}

export function formatLabTable(d: LabDescription): string {
  const rows = [['Device', 'Sysname', 'SSH', 'Username', 'Password', 'Serial console']];
  for (const x of d.devices) rows.push([x.key, x.sysname, `${x.ssh.host}:${x.ssh.port}`, x.ssh.username, x.ssh.password, x.serial ?? '(none)']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const table = rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
  const cc = d.controlChannel
    .map((c) => `  pair ${c.pair}${c.port ? ` (RBM port ${c.port}, data channel ${c.port + 1})` : ''}: ${Object.entries(c.map).map(([ip, lb]) => `${ip} → ${lb}`).join(', ')}`)
    .join('\n');
  return [
    `HotPair lab running (pid ${d.pid}), state dir ${d.stateDir}${d.baud ? `, consoles paced at ${d.baud} baud` : ''}`,
    '',
    table,
    '',
    'RBM addresses on loopback:',
    cc,
    `Syslog: ${d.syslog}`,
    ...d.notes,
    '',
    'Stop with Ctrl-C.',
    '',
  ].join('\n');
}

/** Runs until SIGINT/SIGTERM, then stops the lab (consoles' socat killed, ports closed, state file removed). */
async function runLab(o: LabCliOptions): Promise<void> {
  const stateDir = o.stateDir ?? defaultStateDir();
  if (o.pair && o.pairs) throw new Error('--pair and --pairs do not combine: a pair file describes one pair');
  const lab: Lab = await startLab({
    stateDir,
    ...(o.pair ? { pair: readPair(o.pair) } : {}),
    pairs: positiveInt(o.pairs, '--pairs'),
    baud: positiveInt(o.baud, '--baud'),
    sshPortBase: positiveInt(o.sshPortBase, '--ssh-port-base'),
    console: o.console,
  });
  const d = lab.describe();
  process.stdout.write(o.json ? `${JSON.stringify(d)}\n` : formatLabTable(d));
  await new Promise<void>((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
  await lab.stop();
  if (!o.json) process.stdout.write('HotPair lab stopped.\n');
}

export function registerLab(program: Command): void {
  const lab = program
    .command('lab')
    .description('run the lab pair: two simulated appliances over SSH and serial, with hot backup between them')
    .option('--pair <file>', 'bring the devices up addressed from this pair file (hot backup not configured)')
    .option('--pairs <n>', 'a many-pair lab with hot backup running in every pair')
    .option('--baud <n>', 'pace the serial consoles at this line rate (9600 → 960 bytes/s)')
    .option('--state-dir <dir>', `where the lab keeps host keys, PTY links and its state file (default ${defaultStateDir()})`)
    .option('--ssh-port-base <n>', 'SSH port of device A (B = +1); 0 = any free port', undefined)
    .option('--no-console', 'no serial consoles (no socat needed)')
    .option('--json', 'print one JSON line describing how to reach the devices')
    .action(async (o: LabCliOptions) => {
      try {
        await runLab(o);
      } catch (e) {
        process.stderr.write(`hotpair lab: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 2;
      }
    });

  lab
    .command('fault <device> <kind> [arg]')
    .description(`inject a fault into a running lab: ${FAULT_KINDS.join(', ')}`)
    .option('--state-dir <dir>', 'state dir of the running lab')
    .action(async (device: string, kind: string, arg: string | undefined, o: { stateDir?: string }) => {
      try {
        const stateDir = o.stateDir ?? lab.opts<LabCliOptions>().stateDir ?? defaultStateDir();
        process.stdout.write(`${await sendFault(stateDir, device, kind, arg)}\n`);
      } catch (e) {
        process.stderr.write(`hotpair lab fault: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 2;
      }
    });
}
