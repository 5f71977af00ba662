import { MockTransport } from '../../../src/core/transport/mock';
import { fakeCli } from '../session/fake-cli';
import { transportContract } from './contract';

const VERSION = 'H3C Comware Software, Version 7.1.064, ESS 1171P23\nCopyright (c) 2004-2026 New H3C Technologies Co., Ltd. All rights reserved.';

transportContract('mock (scripted Comware CLI)', () => ({
  makeTransport: () => {
    const f = fakeCli({ auth: { user: 'admin', password: 'hotpair-lab' }, displays: { 'display version': VERSION } });
    return new MockTransport({ label: 'mock console', greeting: f.greeting, onWrite: f.onWrite });
  },
  credentials: { username: 'admin', password: 'hotpair-lab' },
  loginMode: 'console',
  sysname: 'FW1',
}));
