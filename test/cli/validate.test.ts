import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { listRules, runValidate } from '../../src/cli/commands/validate';
import { RULE_IDS } from '../../src/core/validate/index';
import { comware7 } from '../../src/core/platforms/comware7';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LAB = join(ROOT, 'resources/examples/lab.yaml');
const dir = mkdtempSync(join(tmpdir(), 'hotpair-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

/** The lab pair with device b given device a's control-channel IP: one rule error. */
const clash = () => write('clash.yaml', readFileSync(LAB, 'utf8').replace('localIp: 10.2.1.2', 'localIp: 10.2.1.1'));
/** The 1-based line of the example that holds `text` (the examples' comments may change). */
const lineOf = (text: string) => readFileSync(LAB, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;

function hotpair(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin/hotpair.mjs'), ...args], { cwd: ROOT }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function inProcess(file: string, opts: { json?: boolean; pack?: string } = {}) {
  let out = '';
  let err = '';
  const code = runValidate(file, opts, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

describe('hotpair validate (spawned)', () => {
  it('exits 0 for a valid pair, 1 for rule errors, 2 for an unparsable file', async () => {
    const bad = write('broken.yaml', 'name: x\ndevices: [1, 2\n');
    const [ok, rules, broken] = await Promise.all([hotpair('validate', LAB), hotpair('validate', clash()), hotpair('validate', bad)]);
    expect(ok).toMatchObject({ code: 0, stdout: `${LAB}: valid\n` });
    expect(rules.code).toBe(1);
    expect(rules.stdout).toMatch(/^error {2}channel\.local-ne-peer {2}devices\.b\.controlChannel\.localIp: both devices use 10\.2\.1\.1 .*\n {2}fix: /m);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`${bad}:3:1: `);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });

  it('takes several files (a glob): each reported, the worst exit code wins, --json gives one array', async () => {
    const [text, json] = await Promise.all([hotpair('validate', LAB, clash(), join(dir, 'gone.yaml')), hotpair('validate', '--json', LAB, clash())]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain(`${LAB}: valid\n`);
    expect(text.stdout).toMatch(/clash\.yaml: 1 error/);
    expect(text.stderr).toContain('no such file: ');
    expect(json.code).toBe(1);
    const docs = JSON.parse(json.stdout) as { file: string; valid: boolean }[];
    expect(docs.map((d) => d.valid)).toEqual([true, false]);
  });

  it('hotpair schema prints the JSON Schema of the pair file', async () => {
    const r = await hotpair('schema');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { properties: Record<string, { properties?: Record<string, unknown> }> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'mode', 'roles', 'controlChannel', 'vrrp', 'floatingIps', 'devices']));
    expect(Object.keys(schema.properties.controlChannel!.properties!)).toEqual(['port', 'keepalive']);
  });
});

describe('hotpair validate (in process)', () => {
  it('--json prints {file, valid, diagnostics} with reasons and source lines', () => {
    const f = clash();
    const r = inProcess(f, { json: true });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { file: string; valid: boolean; diagnostics: { rule: string; path: string; reason?: string; line?: number }[] };
    expect(j.file).toBe(f);
    expect(j.valid).toBe(false);
    const d = j.diagnostics.find((x) => x.rule === 'channel.local-ne-peer');
    expect(d).toMatchObject({ path: 'devices.b.controlChannel.localIp', reason: 'The local IP address cannot be identical to the peer IP address.', line: lineOf('localIp: 10.2.1.2') });
  });

  it('--json on an unparsable file gives the load errors and exit 2', () => {
    const r = inProcess(write('typo.yaml', readFileSync(LAB, 'utf8').replace('keepalive:', 'keepalve:')), { json: true });
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out) as { valid: boolean; errors: { path: string; message: string; line: number }[] };
    expect(j.valid).toBe(false);
    expect(j.errors[0]).toMatchObject({ path: 'controlChannel.keepalve', line: lineOf('keepalive:') });
    expect(j.errors[0]!.message).toContain('did you mean keepalive?');
  });

  it('exits 2 for a missing file, with a plain message', () => {
    const r = inProcess(join(dir, 'nope.yaml'));
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toBe(`hotpair: no such file: ${join(dir, 'nope.yaml')}\n`);
  });

  it('refuses a file that is no pair file in one sentence, not hundreds of problems', () => {
    const blob = join(dir, 'blob.yaml');
    writeFileSync(blob, Buffer.concat([Buffer.from('name: x\n'), Buffer.alloc(4096, 0)]));
    expect(inProcess(blob)).toEqual({ code: 2, out: '', err: `hotpair: ${blob} is not a text file (it contains NUL bytes); a pair file is YAML or JSON text\n` });
    const deep = write('deep.yaml', `name: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    const r = inProcess(deep);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`hotpair: ${deep} nests mappings or lists more than 64 levels deep (the limit for a pair file, which needs fewer than ten); this is not a pair file\n`);
  });

  it('--pack uses the limits of the given platform pack, and refuses an invalid pack', () => {
    const tight = write('pack.json', JSON.stringify({ ...comware7, limits: { ...comware7.limits, keepaliveCount: [5, 20] } }));
    const r = inProcess(LAB, { pack: tight });
    expect(r.code).toBe(1);
    expect(r.out).toContain('error  keepalive.range  controlChannel.keepalive.count: keepalive count 3 is outside 5–20');
    const invalid = inProcess(LAB, { pack: write('bad-pack.json', '{"formatVersion": 2}') });
    expect(invalid.code).toBe(2);
    expect(invalid.err).toMatch(/platform pack .* is invalid/);
  });

  it('warnings alone keep the file valid', () => {
    const r = inProcess(write('same-name.yaml', readFileSync(LAB, 'utf8').replace('sysname: FW2', 'sysname: FW1')));
    expect(r.code).toBe(0);
    expect(r.out).toContain('warning  pair.sysname-distinct  devices.b.sysname: ');
    expect(r.out).toMatch(/: valid \(1 warning\)\n$/);
  });

  it('--list-rules documents every rule, house rules marked', () => {
    const text = listRules(false);
    expect(text.trim().split('\n')).toHaveLength(RULE_IDS.length);
    expect(text).toMatch(/^channel\.local-ne-peer +error {4}The two control-channel local IPs differ/m);
    expect(text).toMatch(/^pair\.sysname-distinct +warning .*\(house rule\)$/m);
    const json = JSON.parse(listRules(true)) as { id: string; reason?: string }[];
    expect(json.map((r) => r.id)).toEqual(RULE_IDS);
    expect(json.find((r) => r.id === 'monitor.no-vlan1')?.reason).toBe('You cannot configure the hot backup system to monitor VLAN 1.');
  });
});
