import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadReportRun } from '../../../../src/core/report/node/load';
import { commissioningJournal, drillJournal, drillRecord } from '../fixtures';

describe('finding a run and the drills that followed it', () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'hotpair-report-'));
    const j = join(base, 'journal');
    mkdirSync(j);
    const transcript = join(base, 't.jsonl');
    writeFileSync(transcript, 'hello\n');
    const digest = { file: transcript, sha256: createHash('sha256').update('hello\n').digest('hex'), bytes: 6 };
    writeFileSync(join(j, 'site-1-2025-03-01T10-00-00-000Z.jsonl'), commissioningJournal({ runId: 'aaaaaaaa-1', start: '2025-03-01T10:00:00.000Z', transcript: digest }));
    writeFileSync(join(j, 'site-1-2025-03-01T11-00-00-000Z.jsonl'), drillJournal(drillRecord({ runId: 'drill-1', start: '2025-03-01T11:00:00.000Z' })));
    writeFileSync(join(j, 'site-2-2025-03-01T11-30-00-000Z.jsonl'), drillJournal(drillRecord({ runId: 'drill-other-pair', pair: 'site-2', start: '2025-03-01T11:30:00.000Z' })));
    writeFileSync(join(j, 'site-1-2025-03-02T10-00-00-000Z.jsonl'), commissioningJournal({ runId: 'bbbbbbbb-2', start: '2025-03-02T10:00:00.000Z' }));
    writeFileSync(join(j, 'site-1-2025-03-02T11-00-00-000Z.jsonl'), drillJournal(drillRecord({ runId: 'drill-2', start: '2025-03-02T11:00:00.000Z' })));
    writeFileSync(join(j, 'site-1-2025-03-02T12-00-00-000Z.jsonl'), drillJournal(drillRecord({ runId: 'drill-3', start: '2025-03-02T12:00:00.000Z' })));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('last: the latest commissioning run with its own drills only', () => {
    const r = loadReportRun(base, 'last');
    expect(r.run.runId).toBe('bbbbbbbb-2');
    expect(r.drills.map((d) => d.runId)).toEqual(['drill-2', 'drill-3']);
  });

  it('by id, id prefix or journal file: the drills up to the next commissioning of the same pair', () => {
    for (const which of ['aaaaaaaa-1', 'aaaaaaaa', join(base, 'journal', 'site-1-2025-03-01T10-00-00-000Z.jsonl')]) {
      const r = loadReportRun(base, which);
      expect(r.run.runId).toBe('aaaaaaaa-1');
      expect(r.drills.map((d) => d.runId)).toEqual(['drill-1']);
    }
  });

  it('checks each transcript against its recorded digest', () => {
    expect(loadReportRun(base, 'aaaaaaaa-1').run.transcripts[0]?.now).toBe('unchanged');
    writeFileSync(join(base, 't.jsonl'), 'hellO\n');
    expect(loadReportRun(base, 'aaaaaaaa-1').run.transcripts[0]?.now).toBe('changed');
    expect(loadReportRun(base, 'last').run.transcripts[0]?.now).toBe('missing');
  });

  it('refuses a drill id, an unknown id and an empty journal with what to do', () => {
    expect(() => loadReportRun(base, 'drill-1')).toThrow(/is a drill, not a commissioning run/);
    expect(() => loadReportRun(base, join(base, 'journal', 'site-1-2025-03-01T11-00-00-000Z.jsonl'))).toThrow(/is a drill/);
    expect(() => loadReportRun(base, 'nope')).toThrow(/No commissioning run "nope"/);
    expect(() => loadReportRun(mkdtempSync(join(tmpdir(), 'hotpair-empty-')), 'last')).toThrow(/No commissioning run in the journal/);
  });
});
