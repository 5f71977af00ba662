import { describe, expect, it } from 'vitest';
import { commissioningFromJournal, drillFromJournal } from '../../../src/core/report/from-journal';
import { renderReportHtml, REPORT_SECTIONS } from '../../../src/core/report/html';
import type { ReportInput } from '../../../src/core/report/model';
import { RULE_IDS } from '../../../src/core/validate/index';
import { commissioningJournal, drillJournal, drillRecord } from './fixtures';
import { loadingReferences } from './scan';

function input(edit?: (i: ReportInput) => void): ReportInput {
  const run = commissioningFromJournal(commissioningJournal(), 'site-1-2025.jsonl');
  const drill = drillFromJournal(drillJournal(drillRecord()), 'site-1-drill.jsonl');
  if (!run || !drill) throw new Error('fixtures did not parse');
  const i: ReportInput = { run, drills: [drill], generatedAt: '2025-03-01T12:00:00.000Z', tool: 'hotpair 1.2.3', signer: 'SHA256:abc' };
  edit?.(i);
  return i;
}

const sectionOf = (html: string, id: string) => {
  const m = new RegExp(`<section id="${id}">([\\s\\S]*?)</section>`).exec(html);
  if (!m) throw new Error(`no section ${id}`);
  return m[1]!;
};

describe('commissioning journal → report input', () => {
  it('reads facts, rules, probe, health, plan, applied lines, verification and transcripts', () => {
    const run = commissioningFromJournal(commissioningJournal(), 'j.jsonl')!;
    expect(run.facts.a?.serialNumber).toBe('210235A1');
    expect(run.preflight?.rules).toEqual([...RULE_IDS]);
    expect(run.probe).toEqual([expect.objectContaining({ phase: 'done' })]);
    expect(run.health.before?.map((c) => c.status)).toEqual(['n/a', 'pass']);
    expect(run.applied.a.map((x) => x.line)).toEqual(['remote-backup group', ' local-ip 10.9.9.1']);
    expect(run.verify.at(-1)?.ok).toBe(true);
    expect(run.saves).toEqual({ a: { ok: true }, b: { ok: true } });
    expect(run.transcripts).toHaveLength(1);
    expect(run.pack).toEqual({ id: 'comware7-secpath', version: '3' });
  });

  it('a drill journal is a drill, not a commissioning run', () => {
    const text = drillJournal(drillRecord());
    expect(commissioningFromJournal(text, 'd.jsonl')).toBeUndefined();
    const d = drillFromJournal(text, 'd.jsonl')!;
    expect(d.figures?.switchoverMs).toBe(1234);
    expect(d.switchback?.switchoverMs).toBe(987);
    expect(d.timeline.filter((e) => e.kind === 'probe')).toHaveLength(60);
    expect(d.timeline.filter((e) => e.kind === 'event').map((e) => e.text)).toEqual(['switchover sent', 'B: reports Active', 'consistency changed']);
    expect(drillFromJournal(commissioningJournal(), 'c.jsonl')).toBeUndefined();
  });
});

describe('report HTML', () => {
  it('has every section, in order, with the figures', () => {
    const html = renderReportHtml(input());
    const at = REPORT_SECTIONS.map((id) => html.indexOf(`<section id="${id}">`));
    expect(at.every((x) => x > 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    expect(sectionOf(html, 'summary')).toContain('site-1');
    expect(sectionOf(html, 'devices')).toMatch(/210235A1[\s\S]*210235B2/);
    expect(sectionOf(html, 'rules')).toContain(`${RULE_IDS.length} rules checked`);
    expect(sectionOf(html, 'rules')).toContain('the address changes 10.0.0.9 → 10.0.0.1');
    expect(sectionOf(html, 'rules')).toContain("every planned line confirmed by the devices' help".replace("'", '&#39;'));
    expect(sectionOf(html, 'health')).toMatch(/Before the push[\s\S]*After the push/);
    expect(sectionOf(html, 'plan')).toContain('local-ip 10.9.9.1');
    expect(sectionOf(html, 'plan')).toContain('- undo info-center enable');
    expect(sectionOf(html, 'verification')).toContain('10 min window, confirmed');
    const drills = sectionOf(html, 'drills');
    for (const figure of ['1234 ms', '412 ms', '987 ms', '97.5 % (39 of 40)', '<td>8</td>']) expect(drills).toContain(figure);
    expect(drills).toContain('<svg class="timeline"');
    expect(drills).toContain('consistency changed');
    expect(sectionOf(html, 'transcripts')).toContain('ab'.repeat(32));
    expect(sectionOf(html, 'versions')).toMatch(/hotpair 1\.2\.3[\s\S]*comware7-secpath 3[\s\S]*hotpair-report 1/);
    expect(sectionOf(html, 'signoff')).toMatch(/Engineer[\s\S]*Customer/);
  });

  it('draws the failed probes as red bars and the events as numbered marks', () => {
    const svg = /<svg[\s\S]*?<\/svg>/.exec(renderReportHtml(input()))![0];
    // 60 probes: answered, failed, answered → three bars, one red.
    expect(svg.match(/class="tl-ok"/g)).toHaveLength(2);
    expect(svg.match(/class="tl-fail"/g)).toHaveLength(1);
    expect(svg.match(/class="tl-mark"/g)).toHaveLength(3);
    expect(svg).toContain('tl-unexpected');
  });

  it('is the same bytes for the same input, and different for a different one', () => {
    expect(renderReportHtml(input())).toBe(renderReportHtml(input()));
    expect(renderReportHtml(input((i) => (i.engineer = 'Ann Smith')))).toContain('Ann Smith');
    expect(renderReportHtml(input((i) => (i.generatedAt = '2026-01-01T00:00:00.000Z')))).not.toBe(renderReportHtml(input()));
  });

  it('loads nothing from outside and escapes what the devices said', () => {
    const hostile = input((i) => {
      i.run.facts.a = { ...i.run.facts.a!, sysname: '<img src=http://evil.example/x.png>', model: 'url(http://evil)' };
      i.customer = '<script src="https://evil.example/a.js"></script>';
    });
    const html = renderReportHtml(hostile);
    expect(loadingReferences(html)).toEqual([]);
    expect(html).toContain('&lt;img src=http');
    expect(html).toContain('default-src &#39;none&#39;'.replace(/&#39;/g, "'"));
  });

  it('says so where the journal lacks a part, and prints without drills', () => {
    const html = renderReportHtml(input((i) => {
      i.run.facts = {};
      i.run.preflight = undefined;
      i.run.probe = [];
      i.drills = [];
    }));
    for (const id of REPORT_SECTIONS) expect(html).toContain(`<section id="${id}">`);
    expect(sectionOf(html, 'devices')).toContain('no discovery facts');
    expect(sectionOf(html, 'drills')).toContain('No drill followed');
  });
});
