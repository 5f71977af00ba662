/** Sessions driven by recorded (lab) and hand-written transcripts through ReplayTransport. */
import { describe, expect, it } from 'vitest';
import { MemoryTranscriptSink, TranscriptRecorder } from '../../../src/core/channel/transcript';
import { comware7 } from '../../../src/core/platforms/comware7';
import { DeviceSession } from '../../../src/core/session/session';
import { ReplayTransport } from '../../../src/core/transport/replay';
import { fixture, replayHandwritten } from './replay-helpers';

describe('replayed transcripts', () => {
  it('hand-written console: first login, RBM_P, pager, async log, interactive save, error in RBM view', async () => {
    const r = await replayHandwritten();
    const lines = r.config.output.split('\n');
    expect(lines[0]).toBe('#');
    expect(lines).toHaveLength(43);
    expect(lines[23]).toBe(' description link 4');
    expect(r.config.output).not.toMatch(/More|RBM_CHANNEL/);
    expect(r.config.prompt).toBe('RBM_P<FW1>');
    expect(r.logs).toEqual([expect.stringContaining('RBM/6/RBM_CHANNEL')]);
    expect(r.save.output).toContain('Saved the current configuration to mainboard device successfully.');
    expect(r.rbmPrompt).toMatchObject({ rbmPrefix: 'RBM_P', view: 'subview', subview: 'remote-backup-group', hostname: 'FW1' });
    expect(r.rejected?.code).toBe('COMMAND_REJECTED');
    expect(r.rejected?.details).toMatchObject({ kind: 'wrong-parameter', message: "% Wrong parameter found at '^' position." });
    expect(r.finished).toBe(true);
    expect(JSON.stringify(r.sink.entries)).not.toContain('Fresh-Passw0rd');
  });

  for (const [name, mode] of [
    ['lab-console.jsonl', 'console'],
    ['lab-ssh.jsonl', 'shell'],
  ] as const) {
    it(`recorded ${name}: same commands give the recorded outputs`, async () => {
      const transport = new ReplayTransport(fixture(name));
      const session = await DeviceSession.connect({
        pack: comware7,
        transport,
        transcript: new TranscriptRecorder(new MemoryTranscriptSink()),
        credentials: { username: 'admin', password: 'any-password-matches-***' },
        loginMode: mode,
        timeouts: { loginMs: 5000, idleMs: 2000, commandMs: 5000 },
      });
      expect((await session.exec('display version')).output).toMatch(/^H3C Comware Software, Version 7\.1\.064/);
      expect((await session.exec('display remote-backup-group status')).output).toMatch(/not configured/);
      expect((await session.exec('display interface brief')).output).toContain('GE1/0/3');
      await expect(session.exec('dispaly clock')).rejects.toMatchObject({ code: 'COMMAND_REJECTED' });
      await session.sendConfig(['interface GigabitEthernet1/0/5', 'description recorded', 'quit', 'local-user tester class manage', 'password simple Rec0rded-Secret1', 'quit']);
      await session.save();
      await session.close();
      expect(transport.finished).toBe(true);
    });
  }
});
