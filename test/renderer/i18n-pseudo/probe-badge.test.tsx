// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LineVerdict } from '../../../src/contract/index';
import { ProbeBadge } from '../../../renderer/src/features/pairing/wizard/ProbeBadge';
import { bareEnglish, inPseudoLocale } from './helpers';

inPseudoLocale();

/**
 * The Plan step's verdict on a line, in the pseudo-locale: the probe's own explanations (a view
 * the device refused to enter, a value outside its hint) come from the catalogue; only the line,
 * keywords and what the device printed or offered are shown as they are.
 */
const refusedView: LineVerdict = {
  line: 'vlan 10',
  view: 'system',
  status: 'unknown',
  offered: [],
  message: 'the device refused to enter the view: "vlan 10" did not open a view (prompt [FW1]).',
  messageSaid: { code: 'probe.view.refused', params: { error: { sep: 'comma', items: [{ code: 'error.command-rejected.no-view.message', params: { command: 'vlan 10', prompt: '[FW1]' } }] } } },
};
const notAsked: LineVerdict = {
  line: 'name inside',
  view: 'vlan 10',
  status: 'unknown',
  offered: [],
  message: 'not asked: the device did not confirm "vlan 10"',
  messageSaid: { code: 'probe.not-asked.blocked', params: { why: { sep: 'comma', items: [{ code: 'probe.view.not-confirmed', params: { line: 'vlan 10' } }] } } },
};
const outOfRange: LineVerdict = {
  line: 'keepalive interval 99',
  view: 'remote-backup group',
  status: 'unknown',
  position: 3,
  keyword: '99',
  offered: ['INTEGER<1-10>'],
  message: "% Wrong parameter found at '^' position.",
  reason: '99 does not fit INTEGER<1-10>',
  reasonSaid: { code: 'probe.reason.no-fit', params: { value: '99', hint: 'INTEGER<1-10>' } },
};

describe('the probe badge in the pseudo-locale', () => {
  it('says the probe’s own explanations from the catalogue, the device’s words as they are', () => {
    const { container } = render(
      <ul>
        {[refusedView, notAsked, outOfRange].map((v) => (
          <li key={v.line}>
            <ProbeBadge verdict={v} />
          </li>
        ))}
      </ul>,
    );
    // Each explanation is a catalogue message (bracketed), the error inside it too; device values stand in them as they are.
    const text = container.textContent ?? '';
    expect(text).toContain('［the device refused to enter the view: ［"vlan 10" did not open a view (prompt [FW1]).］］');
    expect(text).toContain('［not asked: ［the device did not confirm "vlan 10"］］');
    expect(text).toContain('［99 does not fit INTEGER<1-10>］');
    expect(bareEnglish(container, new Set())).toEqual([]);
  });
});
