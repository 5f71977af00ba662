import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findView, parseCurrentConfig } from '../../../src/core/parse/current-config';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/running-config', name), 'utf8');

describe('parseCurrentConfig', () => {
  const tree = parseCurrentConfig(fixture('as-vrrp.a.configured.txt'));

  it('puts indented lines under their view and one-space system lines at the top', () => {
    expect(findView(tree, 'interface GigabitEthernet1/0/1')?.children.map((c) => c.text)).toEqual([
      'description downlink',
      'ip address 10.1.1.1 255.255.255.0',
      'vrrp vrid 1 virtual-ip 10.1.1.3 active',
    ]);
    expect(tree.nodes.map((n) => n.text)).toContain('sysname FW1');
    expect(tree.nodes.map((n) => n.text)).toContain('ssh server enable');
    expect(findView(tree, 'sysname FW1')?.children).toEqual([]);
    expect(findView(tree, 'remote-backup group')?.children).toHaveLength(9);
  });

  it('nests deeper views by indentation', () => {
    const ospf = findView(tree, 'ospf 1 router-id 10.2.1.1');
    expect(ospf?.children[0]?.text).toBe('area 0.0.0.0');
    expect(ospf?.children[0]?.children[0]?.text).toBe('network 10.1.1.0 0.0.0.255');
  });

  it('drops the echoed command, prompts, separators and the return trailer', () => {
    const texts = tree.nodes.map((n) => n.text);
    expect(texts).not.toContain('return');
    expect(texts).not.toContain('#');
    expect(texts.some((t) => t.includes('display') || t.startsWith('<'))).toBe(false);
    expect(texts[0]).toBe('version 7.1.064, ESS 1171P23');
  });

  it('copes with CRLF, a pager marker and collapsed spacing', () => {
    const t = parseCurrentConfig('#\r\ninterface  GigabitEthernet1/0/1\r\n ip address   10.1.1.1 255.255.255.0\r\n  ---- More ----\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\r\n vrrp vrid 1 virtual-ip 10.1.1.3 active\r\n#\r\nreturn\r\n');
    expect(findView(t, 'interface GigabitEthernet1/0/1')?.children.map((c) => c.text)).toEqual(['ip address 10.1.1.1 255.255.255.0', 'vrrp vrid 1 virtual-ip 10.1.1.3 active']);
  });

  it('keeps a view that is not separated by # from the next one apart', () => {
    const t = parseCurrentConfig('interface A1\n ip address 1.1.1.1 255.0.0.0\ninterface A2\n description x\n');
    expect(t.nodes.map((n) => [n.text, n.children.length])).toEqual([
      ['interface A1', 1],
      ['interface A2', 1],
    ]);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('#', ' ', '\n', '\r', 'a', 'return', '\t', '\x08', '[', '<', '>') }), (s) => {
        const t = parseCurrentConfig(s);
        expect(Array.isArray(t.nodes)).toBe(true);
      }),
    );
    expect(parseCurrentConfig('').nodes).toEqual([]);
    expect(parseCurrentConfig(undefined as unknown as string).nodes).toEqual([]);
  });
});
