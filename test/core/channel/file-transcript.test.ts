import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileTranscriptSink } from '../../../src/core/channel/node/file-transcript';
import { parseTranscript, transcriptFileName, TranscriptRecorder } from '../../../src/core/channel/transcript';

describe('file transcript', () => {
  it('is named by device and UTC time, private, JSON lines, secrets redacted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hp-tr-'));
    const sink = new FileTranscriptSink('fw1 / lab a', { dir, at: new Date('2026-11-25T14:15:02.345Z') });
    expect(basename(sink.location)).toBe('fw1_lab_a-20261125T141502Z.jsonl');
    const rec = new TranscriptRecorder(sink);
    rec.addSecret('hotpair-lab');
    rec.record('out', 'hotpair-');
    rec.record('out', 'lab\r');
    rec.record('in', '\r\n<FW1>');
    await rec.close();
    const text = readFileSync(sink.location, 'utf8');
    expect(text).not.toContain('hotpair-lab');
    expect(parseTranscript(text).map((e) => [e.dir, e.text])).toEqual([
      ['out', '***\r'],
      ['in', '\r\n<FW1>'],
    ]);
    expect(statSync(sink.location).mode & 0o077).toBe(0);
  });

  it('parseTranscript skips a truncated last line instead of throwing', () => {
    expect(parseTranscript('{"t":"2026-11-25T00:00:00.000Z","dir":"in","text":"a"}\n{"t":"2026-11-2').map((e) => e.text)).toEqual(['a']);
    expect(transcriptFileName('', new Date(0))).toBe('device-19700101T000000Z.jsonl');
  });
});
