import type { DeviceFacts } from '../../../../../src/contract/index';
import { warningText } from '../../../../../src/core/discover/format';
import { coreTranslator } from '../../../../../src/i18n/core';
import { useAppTranslation } from '../../../i18n';

/** What discovery could not read on each device (a refused command, a line no parser knew), so the engineer sees the gaps; device values as written. */
export function FactsWarnings({ facts }: { facts: { a: DeviceFacts; b: DeviceFacts } }) {
  const { t, i18n } = useAppTranslation();
  const tr = coreTranslator(i18n);
  const sides = (['a', 'b'] as const).filter((k) => facts[k].warnings.length > 0);
  if (sides.length === 0) return null;
  return (
    <div className="facts-warnings">
      {sides.map((k) => {
        const f = facts[k];
        const title = t('wizard.discover.warnings', { device: k.toUpperCase(), count: f.warnings.length });
        return (
          <section key={k} aria-label={title}>
            <h3 className="small">{title}</h3>
            <ul className="small">
              {f.warnings.map((_, i) => (
                <li key={i}>{warningText(f, i, tr)}</li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
