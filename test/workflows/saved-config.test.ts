/**
 * Commissioning keeps each device's saved configuration, as it was before the first line, in the
 * journal's folder: over SSH the device's flash file byte for byte (same SHA-256), announced to the user.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { comware7 } from '../../src/core/platforms/comware7';
import { JournalFile, keptFilePath, newJournalPath, readJournal } from '../../src/core/provision/node/journal-file';
import type { WorkflowEvent } from '../../src/core/provision/types';
import { runPair } from '../../src/core/provision/workflow';
import { examplePair, startLabPair, type LabPair } from './lab-pair';

const hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('the saved configuration kept before the push', () => {
  let lab: LabPair | undefined;
  afterEach(async () => {
    await lab?.stop();
    lab = undefined;
  });

  it('is the flash file of each device byte for byte, with its SHA-256 in the journal', async () => {
    lab = await startLabPair(78);
    const l = lab;
    const flash = (i: number) => readFileSync(join(l.dir, 'lab', 'flash', l.lab.members[i]!.key, 'startup.cfg'));
    const before = [flash(0), flash(1)];
    const journalPath = newJournalPath(l.dir, 'lab');
    const journal = new JournalFile(journalPath);
    const events: WorkflowEvent[] = [];
    const r = await runPair({
      pair: examplePair('lab'),
      pack: comware7,
      open: l.open,
      journal,
      emit: (e) => events.push(e),
      timeouts: { verifyMs: 20_000 },
      meta: { runId: 'saved', targets: { a: 'a', b: 'b' }, tool: 'test' },
    });
    journal.close();
    expect(r.error).toBeUndefined();
    expect(r.outcome).toBe('success');
    const s = readJournal(journalPath);
    for (const [i, k] of (['a', 'b'] as const).entries()) {
      const kept = s.savedConfig[k];
      expect(kept).toMatchObject({ method: 'sftp', path: 'flash:/startup.cfg', bytes: before[i]!.length, sha256: hex(before[i]!) });
      const bytes = readFileSync(keptFilePath(journalPath, kept!.file!));
      expect(hex(bytes)).toBe(hex(before[i]!));
      const said = events.find((e) => e.kind === 'message' && e.device === k && e.text.startsWith('saved configuration of'));
      expect(said).toMatchObject({ text: `saved configuration of ${k.toUpperCase()}: ${before[i]!.length.toLocaleString('en-US')} bytes via SFTP (flash:/startup.cfg)` });
    }
    // the run saved the commissioned configuration: the flash changed, the kept copy did not
    expect(hex(flash(0))).not.toBe(s.savedConfig.a?.sha256);
  });
});
