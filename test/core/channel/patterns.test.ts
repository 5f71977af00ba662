/** Table-driven: real Comware prompts, questions and errors against the compiled pack. */
import { describe, expect, it } from 'vitest';
import { compilePack, matchConfirmation, matchPrompt } from '../../../src/core/channel/patterns';
import { findError } from '../../../src/core/session/command';
import { describePrompt } from '../../../src/core/session/prompt';
import { comware7 } from '../../../src/core/platforms/comware7';

const cp = compilePack(comware7);

describe('prompts on the buffer tail', () => {
  it.each([
    ['<FW1>', { view: 'user', hostname: 'FW1' }],
    ['[FW1]', { view: 'system', hostname: 'FW1' }],
    ['RBM_P<FW1>', { view: 'user', rbmPrefix: 'RBM_P' }],
    ['RBM_S[FW2-remote-backup-group]', { view: 'subview', subview: 'remote-backup-group', rbmPrefix: 'RBM_S' }],
    ['[FW1-GigabitEthernet1/0/1]', { view: 'subview', subview: 'GigabitEthernet1/0/1' }],
    ['\x00<FW1>', { view: 'user' }],
    ['[FW1-luser-manage-admin] ', { view: 'subview', subview: 'luser-manage-admin' }],
  ])('%j is a prompt', (text, want) => {
    const p = matchPrompt(cp, `output\n${text}`);
    expect(p).toBeDefined();
    expect(describePrompt(p!, 'FW1')).toMatchObject(want);
  });

  it.each([
    'Are you sure? [Y/N]:',
    'flash:/startup.cfg exists, overwrite? [Y/N]:',
    '[Y/N]',
    '[y/n]',
    '<FW1>display version',
    ' interface [1]x',
    'Password:',
  ])('%j is not a prompt', (text) => {
    expect(matchPrompt(cp, `output\n${text}`)).toBeUndefined();
  });
});

describe('confirmations from the pack table', () => {
  it.each([
    ['The current configuration will be written to the device. Are you sure? [Y/N]:', 'Y', false],
    ['Please input the file name(*.cfg)[flash:/startup.cfg]\n(To leave the existing filename unchanged, press the enter key):', '', false],
    ['flash:/startup.cfg exists, overwrite? [Y/N]:', 'Y', false],
    ['This command will reboot the device. Continue? [Y/N]:', 'N', true],
  ])('%j → %j (abort %s)', (q, answer, abort) => {
    expect(matchConfirmation(cp, q)).toMatchObject({ answer, abort });
  });
});

describe('errors', () => {
  it('finds the % error, its caret line and kind', () => {
    const e = findError(cp, 'ip adress 1.1.1.1 24', "                  ^\n % Unrecognized command found at '^' position.");
    expect(e?.code).toBe('COMMAND_REJECTED');
    expect(e?.details).toMatchObject({ kind: 'unrecognized', caret: '                  ^' });
  });
  it('a display that mentions "does not exist" further down is output, not a refusal', () => {
    const display = ['Brief information on interfaces in route mode:', 'Link: ADM - administratively down; Stby - standby', 'Protocol: (s) - spoofing', 'Interface            Link Protocol Primary IP      Description', 'GE1/0/1              UP   UP       10.1.1.1        uplink', 'GE1/0/2              UP   UP       10.1.2.1        backup', 'GE1/0/3              DOWN DOWN     --              peer does not exist yet', 'Failed, see ticket 42'].join('\n');
    expect(findError(cp, 'display interface brief', display)).toBeUndefined();
    expect(findError(cp, 'undo track 9', 'The track entry does not exist.')?.code).toBe('COMMAND_REJECTED');
  });
  it('plain output is not an error', () => {
    expect(findError(cp, 'display version', 'H3C Comware Software, Version 7.1.064')).toBeUndefined();
  });
});
