import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/base/errors';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, runDiscover, type OpenSession } from '../../src/cli/commands/discover';
import { FakeSession, fw1Outputs } from '../core/discover/fake-session';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

function opener(session: FakeSession, log: string[]): OpenSession {
  return async (target) => {
    log.push(`open ${target.kind === 'ssh' ? `${target.username}@${target.host}:${target.port}` : target.path}`);
    return { session, transcript: '/tmp/t.jsonl', close: async () => void log.push('close') };
  };
}

describe('hotpair discover', () => {
  it('prints the facts as a readable report and closes the session', async () => {
    const log: string[] = [];
    const s = new FakeSession(fw1Outputs());
    s.prompt = { rbmPrefix: 'RBM_P', hostname: 'FW1' };
    const c = capture();
    const code = await runDiscover('ssh://admin@10.0.0.1:2201', {}, c.io, opener(s, log), new AbortController().signal);
    expect(code).toBe(EXIT_OK);
    expect(log).toEqual(['open admin@10.0.0.1:2201', 'close']);
    const text = c.out.join('');
    expect(text).toMatch(/^Sysname {3}FW1 \(prompt RBM_P\)$/m);
    expect(text).toMatch(/^Model {5}H3C SecPath vFW1000$/m);
    expect(text).toMatch(/^Software {2}7\.1\.064 ESS 1171P23$/m);
    expect(text).toMatch(/^ {2}GigabitEthernet1\/0\/4 +down +- +Route-Aggregation1$/m);
    expect(text).toMatch(/^ {2}primary, Active, active-standby$/m);
    expect(text).toMatch(/control channel Connected {2}10\.2\.1\.1 -> 10\.2\.1\.2:60064/);
    expect(text).toMatch(/^ {2}GigabitEthernet1\/0\/1 +1 +Master +10\.1\.1\.3 10\.1\.1\.4 +110 +active$/m);
    expect(text).not.toMatch(/Warnings/);
    expect(c.err.join('')).toContain('[8/8] display clock');
    expect(c.err.join('')).toContain('transcript: /tmp/t.jsonl');
  });

  it('prints the Result envelope in --json mode with nothing on stderr', async () => {
    const c = capture();
    const code = await runDiscover('ssh://admin@10.0.0.1', { json: true }, c.io, opener(new FakeSession(fw1Outputs()), []), new AbortController().signal);
    expect(code).toBe(EXIT_OK);
    const parsed = JSON.parse(c.out.join('')) as { ok: boolean; data: { model: string; interfaces: unknown[]; rbm: { role: string } } };
    expect(parsed.ok).toBe(true);
    expect(parsed.data.model).toBe('SecPath vFW1000');
    expect(parsed.data.rbm.role).toBe('primary');
    expect(parsed.data.interfaces).toHaveLength(18);
    expect(c.err).toEqual([]);
  });

  it('rejects a bad URL before connecting (exit 2)', async () => {
    const log: string[] = [];
    const c = capture();
    const code = await runDiscover('ssh://admin:secret@10.0.0.1', { json: true }, c.io, opener(new FakeSession({}), log), new AbortController().signal);
    expect(code).toBe(EXIT_USAGE);
    expect(log).toEqual([]);
    expect(JSON.parse(c.out.join(''))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('reports a connection failure with its code and fix, and a failed discovery still closes (exit 1)', async () => {
    const c = capture();
    const refuse: OpenSession = async () => {
      throw new AppError('HOST_KEY_MISMATCH', 'host key of 10.0.0.1:22 changed', { fix: 'check the device, then remove the old key' });
    };
    expect(await runDiscover('ssh://admin@10.0.0.1', {}, c.io, refuse, new AbortController().signal)).toBe(EXIT_FAILED);
    expect(c.err.join('')).toContain('hotpair discover: HOST_KEY_MISMATCH: host key of 10.0.0.1:22 changed\n  fix: check the device, then remove the old key\n');

    const log: string[] = [];
    const outputs: Record<string, string | Error> = fw1Outputs();
    outputs['display interface brief'] = new AppError('DISCONNECTED', 'connection reset');
    const c2 = capture();
    expect(await runDiscover('ssh://admin@10.0.0.1', { json: true }, c2.io, opener(new FakeSession(outputs), log), new AbortController().signal)).toBe(EXIT_FAILED);
    expect(log).toEqual(['open admin@10.0.0.1:22', 'close']);
    expect(JSON.parse(c2.out.join(''))).toEqual({ ok: false, error: { code: 'DISCONNECTED', message: 'connection reset' } });
  });
});
