import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClock } from '../../../src/core/parse/clock';
import { parseDevice } from '../../../src/core/parse/device';
import { parseInterfaceBrief } from '../../../src/core/parse/interface-brief';
import { parseLogLine } from '../../../src/core/parse/log-line';
import { parseManuinfo } from '../../../src/core/parse/manuinfo';
import { parsePrompt } from '../../../src/core/parse/prompt';
import { parseRbmStatus } from '../../../src/core/parse/rbm-status';
import { parseSyncCheck } from '../../../src/core/parse/sync-check';
import { parseTrackAll } from '../../../src/core/parse/track';
import { parseVersion } from '../../../src/core/parse/version';
import { parseVrrp } from '../../../src/core/parse/vrrp';
import { fixture } from './fixtures';

type Parser = (text: string) => { value: unknown; warnings: string[] };

const PARSERS: [string, Parser, string[]][] = [
  ['parseVersion', parseVersion, ['version-vfw1000.txt', 'version-switch-release.txt', 'version-comware5-feature.txt']],
  ['parseDevice', parseDevice, ['device-box.txt', 'device-chassis.txt']],
  ['parseManuinfo', parseManuinfo, ['manuinfo-firewall.txt', 'manuinfo-chassis.txt', 'manuinfo-compact.txt', 'manuinfo-chassis-compact-tail.txt']],
  ['parseInterfaceBrief', parseInterfaceBrief, ['interface-brief-firewall.txt', 'interface-brief-old-main-ip.txt', 'interface-brief-under-mode.txt']],
  ['parseRbmStatus', parseRbmStatus, ['rbm-status-primary.txt', 'rbm-status-older.txt', 'rbm-status-not-configured.txt', 'rbm-status-running-role.txt']],
  ['parseSyncCheck', parseSyncCheck, ['sync-check-inconsistent.txt']],
  ['parseVrrp', parseVrrp, ['vrrp-brief.txt', 'vrrp-verbose.txt', 'vrrp-brief-not-supported.txt']],
  ['parseTrackAll', parseTrackAll, ['track-all.txt', 'track-all-older.txt']],
  ['parseClock', parseClock, ['clock-utc.txt', 'clock-zone.txt']],
  ['parseLogLine', (t) => parseLogLine(t), ['logs.txt']],
  ['parsePrompt', (t) => parsePrompt(t), ['logs.txt']],
];

// Characters that matter to these parsers, so random text often looks almost right.
const NEAR_MISS = fc.string({
  unit: fc.constantFrom(...'abcXYZ019 :/-.%<>[]()\t\r\n\x00\x08\x1b'.split(''), 'GE', 'Track ID', 'VRID', 'UP', '---- More ----', 'RBM_P', 'Remote IP', '  '),
  maxLength: 300,
});

/** The result a parser must always give: a value and an array of string warnings, JSON-safe. */
function wellFormed(r: { value: unknown; warnings: string[] }): void {
  expect(Array.isArray(r.warnings)).toBe(true);
  for (const w of r.warnings) expect(typeof w).toBe('string');
  expect(() => JSON.stringify(r.value)).not.toThrow();
}

describe.each(PARSERS)('%s never throws', (_name, parse, samples) => {
  const texts = samples.map(fixture);

  it('on random and near-miss text', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 400 }), NEAR_MISS), (s) => wellFormed(parse(s))), { numRuns: 300 });
  });

  it('on truncations of real samples', () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.nat(), fc.nat(), (text, a, b) => {
        const [from, to] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
        wellFormed(parse(text.slice(from, to)));
      }),
      { numRuns: 200 },
    );
  });

  it('on line shuffles and duplications of real samples', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...texts).chain((text) => {
          const lines = text.split('\n');
          return fc.array(fc.constantFrom(...lines), { maxLength: lines.length * 2 });
        }),
        (lines) => wellFormed(parse(lines.join('\n'))),
      ),
      { numRuns: 200 },
    );
  });
});

describe('parser properties', () => {
  it('interface brief: every parsed name is expanded and every link state is known', () => {
    const lines = fixture('interface-brief-firewall.txt').split('\n');
    fc.assert(
      fc.property(fc.shuffledSubarray(lines), (subset) => {
        for (const i of parseInterfaceBrief(subset.join('\n')).value.interfaces) {
          expect(i.name).not.toMatch(/^(?:GE|XGE|RAGG|BAGG|MGE|InLoop|Loop|REG)\d/);
          expect(['up', 'down', 'adm', 'stby']).toContain(i.link);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('log lines: whatever the text after the mnemonic, it comes back verbatim (trimmed)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }).filter((s) => !/[\r\n\x00]/.test(s)), (text) => {
        const r = parseLogLine(`%Nov 25 14:00:00:123 2026 FW1 RBM/6/RBM_CHANNEL: ${text}`);
        expect(r.value?.text).toBe(text.trim());
        expect(r.value?.mnemonic).toBe('RBM_CHANNEL');
      }),
    );
  });

  it('rbm status: a shuffled block never attributes peer fields to the local device when headers stay first', () => {
    const [localPart, peerPart] = fixture('rbm-status-primary.txt').split('Peer remote backup group information:\n');
    const localLines = (localPart ?? '').split('\n').slice(1).filter((l) => l.trim() !== '');
    fc.assert(
      fc.property(fc.shuffledSubarray(localLines, { minLength: 1 }), (subset) => {
        const text = ['Local remote backup group information:', ...subset, 'Peer remote backup group information:', peerPart ?? ''].join('\n');
        const { value } = parseRbmStatus(text);
        if (value.localIp !== undefined) expect(value.localIp).toBe('10.2.1.1');
        if (value.role !== undefined) expect(value.role).toBe('primary');
        expect(value.peer?.role).toBe('secondary');
      }),
      { numRuns: 200 },
    );
  });

  it('long garbage lines cost linear time (no regex backtracking blow-up)', () => {
    const inputs = ['a  '.repeat(70_000), 'Key  : v  Other : w  '.repeat(10_000), '<'.repeat(200_000), `${'x'.repeat(100_000)}:`];
    for (const text of inputs) {
      for (const [name, parse] of PARSERS) {
        const t0 = performance.now();
        parse(text);
        // Quadratic scanning of 200 KB takes tens of seconds; linear takes milliseconds.
        expect(performance.now() - t0, `${name} on ${text.slice(0, 12)}…`).toBeLessThan(2_000);
      }
    }
  });
});
