/**
 * The report of a real lab commissioning and a real drill, made and checked by the spawned CLI:
 * every section carries the journal's own figures, a flipped byte fails `report verify`, the PDF
 * printed through Debian's chromium reads back with pdftotext, and nothing in the page loads.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDrill } from '../../src/core/drill/run';
import { tcpProber } from '../../src/core/drill/node/probes';
import type { DrillRecord } from '../../src/core/drill/types';
import { comware7 } from '../../src/core/platforms/comware7';
import { JournalFile, newJournalPath } from '../../src/core/provision/node/journal-file';
import type { WorkflowResult } from '../../src/core/provision/types';
import { runPair } from '../../src/core/provision/workflow';
import { REPORT_SECTIONS } from '../../src/core/report/html';
import { loadingReferences } from '../core/report/scan';
import { examplePair, fast, startLabPair, type LabPair } from './lab-pair';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** This file's lab network (see lab-pair.ts for who uses which). */
const NET = 226;

function hotpair(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin/hotpair.mjs'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 170_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

const sectionOf = (html: string, id: string) => new RegExp(`<section id="${id}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';

describe('hotpair report of a lab commissioning and drill', () => {
  let lab: LabPair;
  let data: string;
  let env: Record<string, string>;
  let result: WorkflowResult;
  let drill: DrillRecord;
  const pair = examplePair('lab', fast);

  beforeAll(async () => {
    lab = await startLabPair(NET, pair);
    data = join(lab.dir, 'data');
    env = { HOTPAIR_DATA_DIR: data };
    const targets = { a: `ssh admin@127.0.0.1:${lab.port.a}`, b: `ssh admin@127.0.0.1:${lab.port.b}` };
    const journal = new JournalFile(newJournalPath(data, pair.name));
    try {
      result = await runPair({ pair, pack: comware7, open: lab.open, journal, timeouts: { verifyMs: 20_000 }, meta: { runId: 'c0ffee00-report-lab', targets, tool: 'hotpair test' } });
    } finally {
      journal.close();
    }
    const endpoints = lab.lab.dataPlane?.describe() ?? [];
    const drillJournal = new JournalFile(newJournalPath(data, pair.name, new Date(Date.now() + 1000)));
    try {
      drill = await runDrill({
        pair,
        kind: { kind: 'switchover' },
        probes: endpoints.slice(0, 1).map((e) => ({ host: e.host, port: e.port })),
        fallback: true,
        open: lab.open,
        prober: tcpProber,
        signal: AbortSignal.timeout(90_000),
        management: { a: '127.0.0.1', b: '127.0.0.1' },
        acceptRoleSwap: true,
        journal: drillJournal,
        meta: { runId: 'd1d1d1d1-report-lab', targets, tool: 'hotpair test' },
      });
    } finally {
      drillJournal.close();
    }
  }, 150_000);
  afterAll(async () => lab?.stop());

  it('every section carries the real figures; verify accepts it and refuses a flipped byte; the PDF reads back', async () => {
    expect(result.outcome).toBe('success');
    expect(drill.switchover?.switchoverMs).toEqual(expect.any(Number));
    const out = join(lab.dir, 'report.html');
    const made = await hotpair(env, 'report', 'last', '-o', out, '--pdf', '--engineer', 'Test Engineer');
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(`Report of ${pair.name} run c0ffee00-report-lab (success) with 1 drill:`);

    const html = readFileSync(out, 'utf8');
    for (const id of REPORT_SECTIONS) expect(html).toContain(`<section id="${id}">`);
    const facts = result.facts!;
    expect(sectionOf(html, 'devices')).toContain(facts.a.serialNumber!);
    expect(sectionOf(html, 'devices')).toContain(facts.b.serialNumber!);
    expect(sectionOf(html, 'rules')).not.toContain('no preflight record');
    for (const c of result.health.after!) expect(sectionOf(html, 'health')).toContain(c.reason.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    for (const line of result.plans!.a.add.slice(0, 5)) expect(sectionOf(html, 'plan')).toContain(line.trim());
    expect(sectionOf(html, 'verification')).toMatch(/Verification<\/td><td><span class="st st-pass">pass/);
    const drills = sectionOf(html, 'drills');
    expect(drills).toContain(`${Math.round(drill.switchover!.switchoverMs!)} ms`);
    if (drill.switchover!.interruptionMs !== null) expect(drills).toContain(`${Math.round(drill.switchover!.interruptionMs)} ms`);
    if (drill.switchback?.switchoverMs != null) expect(drills).toContain(`${Math.round(drill.switchback.switchoverMs)} ms`);
    expect(drills).toContain('<svg class="timeline"');
    // Both sessions' transcripts, hashed when the run closed them and unchanged since.
    const transcripts = sectionOf(html, 'transcripts');
    expect(transcripts.match(/[0-9a-f]{64}/g)?.length).toBeGreaterThanOrEqual(2);
    expect(transcripts).toContain('unchanged');
    expect(sectionOf(html, 'signoff')).toContain('Test Engineer');
    expect(loadingReferences(html)).toEqual([]);

    const ok = await hotpair(env, 'report', 'verify', out);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK {2}.*unchanged since signed by trusted SHA256:/);
    const bytes = readFileSync(out);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x04;
    const edited = join(lab.dir, 'edited.html');
    writeFileSync(edited, bytes);
    const refused = await hotpair(env, 'report', 'verify', edited);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^REFUSED {2}.*altered after it was signed/);

    const pdf = join(lab.dir, 'report.pdf');
    if (existsSync('/usr/bin/chromium')) {
      expect(made.stdout).toContain(`PDF (A4, chromium /usr/bin/chromium): ${pdf}`);
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      for (const heading of ['Site and pair', 'Devices', 'Health matrix', 'Applied plan per device', 'Verification', 'Failover drills', 'Transcripts', 'Acceptance']) expect(text).toContain(heading);
      expect(text).toContain(facts.a.serialNumber!);
      expect(text).toContain(`${Math.round(drill.switchover!.switchoverMs!)} ms`);
    } else expect(made.stderr).toMatch(/no PDF: no Chromium/);
  }, 200_000);
});
