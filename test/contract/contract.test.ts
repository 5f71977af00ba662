import { describe, expect, it, vi } from 'vitest';
import { buildApi, CHANNEL_NAMES, channels, EVENT_NAMES, HostEventSchema, isChannelName, resultSchema, ERROR_CODES } from '../../src/contract/index';
import { z } from 'zod';

describe('contract', () => {
  it('has exactly one schema pair per declared channel name', () => {
    expect(Object.keys(channels).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) {
      expect(channels[name].input, name).toBeInstanceOf(z.ZodType);
      expect(channels[name].output, name).toBeInstanceOf(z.ZodType);
    }
  });

  it('builds one API method per channel, each calling the transport with its own name', async () => {
    const invoke = vi.fn(async (c: string) => ({ ok: true as const, data: c }));
    const api = buildApi(invoke);
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES].sort());
    await api['pairs.validate']({ text: 'x' });
    expect(invoke).toHaveBeenCalledWith('pairs.validate', { text: 'x' });
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('recognises only declared channels', () => {
    expect(isChannelName('app.info')).toBe(true);
    expect(isChannelName('app.exec')).toBe(false);
    expect(isChannelName('__proto__')).toBe(false);
  });

  it('parses Result envelopes and refuses error codes outside the closed union', () => {
    const r = resultSchema(z.number());
    expect(r.parse({ ok: true, data: 1 })).toEqual({ ok: true, data: 1 });
    expect(r.safeParse({ ok: false, error: { code: 'VALIDATION', message: 'm' } }).success).toBe(true);
    expect(r.safeParse({ ok: false, error: { code: 'OOPS', message: 'm' } }).success).toBe(false);
    expect(ERROR_CODES).toContain('UNSUPPORTED');
  });

  it('validates events by name and payload', () => {
    expect(EVENT_NAMES).toContain('op.progress');
    const ok = HostEventSchema.safeParse({ event: 'op.progress', payload: { opId: 'abcdefgh', channel: 'lab.start', step: 's', state: 'running' } });
    expect(ok.success).toBe(true);
    expect(HostEventSchema.safeParse({ event: 'op.progress', payload: { opId: 'abcdefgh' } }).success).toBe(false);
    expect(HostEventSchema.safeParse({ event: 'nope', payload: {} }).success).toBe(false);
  });

  it('rejects extra keys in inputs (strict), so typos are not silently ignored', () => {
    expect(channels['pairs.validate'].input.safeParse({ text: '', txet: '' }).success).toBe(false);
    expect(channels['examples.get'].input.safeParse({ id: '../etc/passwd' }).success).toBe(false);
  });
});
