import { describe, expect, it } from 'vitest';
import { formatFacts } from '../../../src/core/discover/format';
import { parseRbmStatus } from '../../../src/core/parse/rbm-status';
import { fixture } from '../parse/fixtures';

describe('formatFacts', () => {
  it('shows the running management role when it differs from the configured one, and not otherwise', () => {
    const base = { interfaces: [], vrrp: [], tracks: [], warnings: [] };
    const switched = formatFacts({ ...base, rbm: parseRbmStatus(fixture('rbm-status-running-role.txt')).value });
    expect(switched).toContain('\n  primary (running as secondary), Standby, active-standby\n');
    const usual = formatFacts({ ...base, rbm: parseRbmStatus(fixture('rbm-status-primary.txt')).value });
    expect(usual).toContain('\n  primary, Active, active-standby\n');
  });
});
