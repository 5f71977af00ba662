import type { Command } from 'commander';
import { loadPairText } from '../../core/model/load';
import { readTextFile } from '../../core/model/node/read-pair';
import type { Pair } from '../../core/model/pair';
import { dialectOf } from '../../lab/cli/dialect';
import { FAULT_KINDS, sendFault } from '../../lab/faults';
import { startLab, type Lab } from '../../lab/lab';
import type { LabDescription } from '../../lab/lab-description';
import type { Translator } from '../../core/base/message';
import { cliCore } from '../../i18n/node/cli-core';
import { isCableEnd, moveRunningLabCable } from '../../lab/one-cable';
import { defaultStateDir } from '../../lab/state-dir';
import { readPackFile } from '../pack-file';
import { displayWidth, t } from '../i18n';

interface LabCliOptions {
  pair?: string;
  pairs?: string;
  baud?: string;
  stateDir?: string;
  json?: boolean;
  sshPortBase?: string;
  console: boolean;
  pack?: string;
  oneCable?: boolean | string;
  sftp: boolean;
}

function positiveInt(text: string | undefined, what: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new Error(t('lab.wholeNumber', { what, text }));
  return Number(text);
}

function readPair(file: string): Pair {
  const read = readTextFile(file); // the size and text checks of every pair file
  if (!read.ok) throw new Error(read.error.message);
  const r = loadPairText(read.text, file);
  if (!r.ok) throw new Error(`${t('lab.invalidPair', { file })}\n${r.errors.map((e) => `  ${e.line !== undefined ? `${e.line}:${e.column ?? 1} ` : ''}${e.path ? `${e.path}: ` : ''}${e.message}`).join('\n')}`);
  return r.pair;
}

export function formatLabTable(d: LabDescription, tr: Translator = cliCore()): string {
  const rows = [(['device', 'sysname', 'ssh', 'username', 'password', 'serial'] as const).map((h) => t(`lab.head.${h}`))];
  for (const x of d.devices) rows.push([x.key, x.sysname, `${x.ssh.host}:${x.ssh.port}`, x.ssh.username, x.ssh.password, x.serial ?? t('lab.noSerial')]);
  // Padded by display width, so a Chinese header lines up with its column.
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  const table = rows.map((r) => r.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - displayWidth(c))).join('  ').trimEnd()).join('\n');
  const cc = d.controlChannel
    .map((c) => t('lab.channel', { pair: String(c.pair), port: c.port ? String(c.port) : 'none', dataPort: c.port ? String(c.port + 1) : '', map: Object.entries(c.map).map(([ip, lb]) => `${ip} → ${lb}`).join(', ') }))
    .join('\n');
  return [
    t('lab.running', { pid: String(d.pid), dir: d.stateDir, baud: d.baud ? String(d.baud) : 'none' }),
    '',
    table,
    '',
    t('lab.addresses'),
    cc,
    t('lab.syslog', { address: d.syslogMessage ? tr.text(d.syslogMessage.code, d.syslogMessage.params, d.syslog) : d.syslog }),
    ...d.notes.map((n, i) => {
      const m = d.noteMessages?.[i];
      return m ? tr.text(m.code, m.params, n) : n;
    }),
    '',
    t('lab.stop'),
    '',
  ].join('\n');
}

/** Runs until SIGINT/SIGTERM, then stops the lab (consoles' socat killed, ports closed, state file removed). */
async function runLab(o: LabCliOptions): Promise<void> {
  const stateDir = o.stateDir ?? defaultStateDir();
  if (o.pair && o.pairs) throw new Error(t('lab.pairAndPairs'));
  const pack = readPackFile(o.pack);
  if (!pack.ok) throw new Error(pack.message);
  dialectOf(pack.pack); // a pack the lab cannot speak fails here, before any device starts
  const cableAt = o.oneCable === undefined || o.oneCable === false ? undefined : o.oneCable === true ? 'a' : o.oneCable;
  if (cableAt !== undefined && !isCableEnd(cableAt)) throw new Error(t('lab.cableEnd', { end: String(cableAt) }));
  if (cableAt !== undefined && (o.pairs || !o.console)) throw new Error(t('lab.cableNeeds'));
  const lab: Lab = await startLab({
    stateDir,
    ...(o.pair ? { pair: readPair(o.pair) } : {}),
    pairs: positiveInt(o.pairs, '--pairs'),
    baud: positiveInt(o.baud, '--baud'),
    sshPortBase: positiveInt(o.sshPortBase, '--ssh-port-base'),
    console: o.console,
    sftp: o.sftp,
    ...(o.pack ? { pack: pack.pack } : {}),
    ...(cableAt !== undefined ? { oneCable: cableAt } : {}),
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
  if (!o.json) process.stdout.write(`${t('lab.stopped')}\n`);
}

export function registerLab(program: Command): void {
  const lab = program
    .command('lab')
    .description(t('lab.desc'))
    .option('--pair <file>', t('lab.pair'))
    .option('--pairs <n>', t('lab.pairs'))
    .option('--baud <n>', t('lab.baud'))
    .option('--state-dir <dir>', t('lab.stateDir', { path: defaultStateDir() }))
    .option('--ssh-port-base <n>', t('lab.sshPortBase'), undefined)
    .option('--no-console', t('lab.noConsole'))
    .option('--no-sftp', t('lab.noSftp'))
    .option('--pack <FILE>', t('lab.pack'))
    .option('--one-cable [a|b|none]', t('lab.oneCable'))
    .option('--json', t('lab.json'))
    .action(async (o: LabCliOptions) => {
      try {
        await runLab(o);
      } catch (e) {
        process.stderr.write(`${t('commandError', { command: 'lab', message: e instanceof Error ? e.message : String(e) })}\n`);
        process.exitCode = 2;
      }
    });

  lab
    .command('fault <device> <kind> [arg]')
    .description(t('lab.fault.desc', { kinds: FAULT_KINDS.join(', ') }))
    .option('--state-dir <dir>', t('lab.stateDirRunning'))
    .action(async (device: string, kind: string, arg: string | undefined, o: { stateDir?: string }) => {
      try {
        const stateDir = o.stateDir ?? lab.opts<LabCliOptions>().stateDir ?? defaultStateDir();
        process.stdout.write(`${await sendFault(stateDir, device, kind, arg)}\n`);
      } catch (e) {
        process.stderr.write(`${t('commandError', { command: 'lab fault', message: e instanceof Error ? e.message : String(e) })}\n`);
        process.exitCode = 2;
      }
    });

  lab
    .command('cable <to>')
    .description(t('lab.cable.desc'))
    .option('--state-dir <dir>', t('lab.stateDirRunning'))
    .option('--gap <ms>', t('lab.cable.gap'))
    .action(async (to: string, o: { stateDir?: string; gap?: string }) => {
      try {
        const stateDir = o.stateDir ?? lab.opts<LabCliOptions>().stateDir ?? defaultStateDir();
        process.stdout.write(`${await moveRunningLabCable(stateDir, to, positiveInt(o.gap, '--gap'))}\n`);
      } catch (e) {
        process.stderr.write(`${t('commandError', { command: 'lab cable', message: e instanceof Error ? e.message : String(e) })}\n`);
        process.exitCode = 2;
      }
    });
}
