import type { DeviceFacts } from '../model/facts';
import type { Finding, Rule } from './diagnostic';

/** Compare one discovered field on both devices; silent when either side was not discovered or not read. */
function compare(a: DeviceFacts | undefined, b: DeviceFacts | undefined, fields: (keyof DeviceFacts)[], what: string): Finding[] {
  const out: Finding[] = [];
  for (const f of fields) {
    const x = a?.[f];
    const y = b?.[f];
    if (typeof x !== 'string' || typeof y !== 'string' || x.trim().toLowerCase() === y.trim().toLowerCase()) continue;
    out.push({ path: 'devices.b', key: f === 'model' ? 'model' : 'release', params: { field: f, a: x, b: y }, message: `${what} differs: device a has ${f} "${x}", device b has "${y}"`, fix: f === 'model' ? 'pair two appliances of the same model and hardware' : 'upgrade or downgrade one device so both run the same release' });
  }
  return out;
}

/** Hardware environment consistency. */
const sameHardware: Rule = {
  id: 'pair.same-hardware',
  summary: 'Both devices are the same model (needs discovery of both).',
  severity: 'error',
  reason: 'Before you configure hot backup, verify that the following hardware settings are the same on the devices to be assigned to the hot backup system',
  check: ({ facts }) => compare(facts.a, facts.b, ['model'], 'hardware'),
};

/** Software environment consistency. */
const sameSoftware: Rule = {
  id: 'pair.same-software',
  summary: 'Both devices run the same software release (needs discovery of both).',
  severity: 'error',
  reason: 'Before you configure hot backup, verify that the following software settings are the same on the devices to be assigned to a hot backup system',
  check: ({ facts }) => compare(facts.a, facts.b, ['softwareVersion', 'release'], 'software'),
};

export const environmentRules: Rule[] = [sameHardware, sameSoftware];
