import { describe, expect, it } from 'vitest';
import { MemoryTranscriptSink, TranscriptRecorder } from '../../../src/core/channel/transcript';
import { comware7 } from '../../../src/core/platforms/comware7';
import { fill } from '../../../src/core/platforms/pack';
import type { LoginCredentials } from '../../../src/core/session/login';
import { DeviceSession } from '../../../src/core/session/session';
import { MockTransport } from '../../../src/core/transport/mock';
import { openTerminal } from '../../../src/lab/device/terminal';
import type { LabDevice } from '../../../src/lab/device/device';
import { device } from './helpers';

/**
 * The tool's own DeviceSession (src/core/session) driving a lab terminal through a mock
 * transport: login, paging, prompts, config push, errors and save must all be recognised.
 */
function bridge(d: LabDevice, kind: 'console' | 'ssh') {
  const t = openTerminal(d, kind === 'ssh' ? { kind, username: 'admin' } : { kind });
  const mock = new MockTransport({ onWrite: (text) => t.write(text) });
  t.onOutput((s) => mock.push(s));
  return mock;
}

async function connect(d: LabDevice, kind: 'console' | 'ssh', creds: LoginCredentials = { username: 'admin', password: 'admin' }) {
  return DeviceSession.connect({
    pack: comware7,
    transport: bridge(d, kind),
    transcript: new TranscriptRecorder(new MemoryTranscriptSink()),
    credentials: creds,
    loginMode: kind === 'ssh' ? 'shell' : 'console',
    timeouts: { loginMs: 8000, commandMs: 4000, idleMs: 3000 },
  });
}

describe('the tool’s DeviceSession against the lab', () => {
  it('logs in on the console, reads a long display unpaged, pushes RBM config and saves', async () => {
    const d = device();
    const s = await connect(d, 'console');
    expect(s.prompt.text).toBe('<FW1>');
    const cur = await s.exec('display current-configuration');
    expect(cur.output).toMatch(/return\s*$/);
    expect(cur.output).not.toContain('More');
    const c = comware7.commands;
    await s.sendConfig([fill(c.rbmEnter!.template, {}), fill(c.deviceRole!.template, { role: 'primary' }), fill(c.remoteIp!.template, { ip: '10.2.1.2', port: 60064 })]);
    expect(d.rbmConfig()).toMatchObject({ role: 'primary', remoteIp: '10.2.1.2' });
    const saved = await s.save();
    expect(saved.output).toContain('Saved the current configuration');
    expect(d.saved.rbm?.role).toBe('primary');
    await s.close();
  });

  it('gets a refused line reported as COMMAND_REJECTED', async () => {
    const d = device();
    const s = await connect(d, 'ssh');
    await expect(s.sendConfig(['interface GigabitEthernet1/0/1', 'ip address 10.1.1.300 24'])).rejects.toMatchObject({ code: 'COMMAND_REJECTED' });
    await s.close();
  });

  it('completes a first-login password change on the console', async () => {
    const d = device({ users: [{ username: 'admin', password: 'admin', firstLoginChange: true }] });
    const s = await connect(d, 'console', { username: 'admin', password: 'admin', newPassword: 'Fresh-Pass-123' });
    expect(s.prompt.text).toBe('<FW1>');
    expect(d.authenticate('admin', 'Fresh-Pass-123', 'terminal')).toBe('ok');
    await s.close();
  });
});
