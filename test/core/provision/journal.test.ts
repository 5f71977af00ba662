import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { summarizeJournal } from '../../../src/core/provision/journal';
import { isRunOf, JournalFile, keptFilePath, newJournalPath, readJournal } from '../../../src/core/provision/node/journal-file';

const t = '2026-11-25T14:00:00.000Z';

describe('commissioning journal', () => {
  it('tells applied lines from a line in flight when the run was killed mid-push', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hp-journal-'));
    const j = new JournalFile(join(dir, 'run.jsonl'));
    j.append({ type: 'run-start', runId: 'r1', pair: 'site-1', time: t, targets: { a: 'ssh://a', b: 'ssh://b' }, tool: 'hotpair 0.1.0' });
    j.append({ type: 'pre-config', device: 'a', text: '#\n sysname FW1\n#\nreturn\n' });
    j.append({ type: 'step', device: 'a', stage: 'channel', index: 0, line: 'local-ip 10.2.1.1', undo: ['undo local-ip'], phase: 'begin', time: t });
    j.append({ type: 'step', device: 'a', stage: 'channel', index: 0, line: 'local-ip 10.2.1.1', undo: ['undo local-ip'], phase: 'done', time: t });
    j.append({ type: 'step', device: 'a', stage: 'channel', index: 1, line: 'remote-ip 10.2.1.2 port 60064', undo: ['undo remote-ip'], phase: 'begin', time: t });
    j.close();
    // A SIGKILL can tear the last write: simulate half a record.
    writeFileSync(join(dir, 'run.jsonl'), `${readFileSync(join(dir, 'run.jsonl'), 'utf8')}{"type":"step","dev`);
    const s = readJournal(join(dir, 'run.jsonl'));
    expect(s.interrupted).toBe(true);
    expect(s.applied.a.map((x) => x.line)).toEqual(['local-ip 10.2.1.1']);
    expect(s.inFlight).toEqual([{ device: 'a', line: 'remote-ip 10.2.1.2 port 60064', undo: ['undo remote-ip'] }]);
    expect(s.preConfig.a).toContain('sysname FW1');
    expect(s.damagedLines).toBe(1);
  });

  it('keeps the saved configuration beside the journal (0600, not listed as a run) and names it with its SHA-256', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hp-journal-'));
    const path = join(dir, 'site-1-2026-11-25T14-00-00-000Z.jsonl');
    const j = new JournalFile(path);
    const bytes = new TextEncoder().encode('#\r\n sysname FW1\r\n#\r\nreturn\r\n');
    const kept = j.keep('saved-a.cfg', bytes);
    expect(kept).toEqual({ file: 'site-1-2026-11-25T14-00-00-000Z.saved-a.cfg', sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(readFileSync(keptFilePath(path, kept.file))).toEqual(Buffer.from(bytes));
    expect(statSync(keptFilePath(path, kept.file)).mode & 0o777).toBe(0o600);
    j.append({ type: 'saved-config', device: 'a', method: 'sftp', path: 'flash:/startup.cfg', bytes: bytes.length, ...kept, time: t });
    j.append({ type: 'saved-config', device: 'b', method: 'display', bytes: 10, reason: 'the device refused SFTP', time: t });
    j.close();
    expect(readJournal(path).savedConfig).toEqual({
      a: { method: 'sftp', path: 'flash:/startup.cfg', bytes: bytes.length, ...kept },
      b: { method: 'display', bytes: 10, reason: 'the device refused SFTP' },
    });
    expect(readdirSync(dir).filter((f) => isRunOf(f, 'site-1'))).toEqual([basename(path)]);
  });

  it('marks a finished run with its outcome', () => {
    const text = [
      { type: 'run-start', runId: 'r2', pair: 'p', time: t, targets: { a: 'x', b: 'y' }, tool: 'hotpair' },
      { type: 'step', device: 'b', stage: 'local', index: 0, line: 'track 1', phase: 'begin', time: t },
      { type: 'step', device: 'b', stage: 'local', index: 0, line: 'track 1', phase: 'failed', time: t, error: 'rejected' },
      { type: 'run-end', outcome: 'rolled-back', time: t },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n');
    const s = summarizeJournal(text);
    expect(s.interrupted).toBe(false);
    expect(s.outcome).toBe('rolled-back');
    expect(s.applied.b).toEqual([]);
    expect(s.inFlight).toEqual([]);
  });

  it('lists a pair\'s runs by exact name: "site" does not list the runs of "site-1"', () => {
    const base = mkdtempSync(join(tmpdir(), 'hp-journal-'));
    const file = (pair: string) => basename(newJournalPath(base, pair, new Date(t)));
    expect(isRunOf(file('site'), 'site')).toBe(true);
    expect(isRunOf(file('site-1'), 'site')).toBe(false);
    expect(isRunOf(file('site-1'), 'site-1')).toBe(true);
    expect(isRunOf(file('site'), 'site-1')).toBe(false);
  });
});
