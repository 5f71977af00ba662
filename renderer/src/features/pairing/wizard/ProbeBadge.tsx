import type { TFunction } from 'i18next';
import type { LineVerdict } from '../../../../../src/contract/index';
import { useAppTranslation } from '../../../i18n';
import { saidText } from '../../../../../src/i18n/progress';

const MARK: Record<LineVerdict['status'], string> = { confirmed: '✓', unknown: '✗', incomplete: '…' };

/** Where the device stopped, in words. */
function stoppedAt(v: LineVerdict, t: TFunction<'app'>): string {
  return v.position === undefined ? '' : v.keyword !== undefined ? t('wizard.probe.atWord', { position: v.position, keyword: v.keyword }) : t('wizard.probe.afterWord', { position: v.position - 1 });
}

/** Why, after where: the probe's explanation in the page's language, else the device's own words as it printed them. */
function Said({ v }: { v: LineVerdict }) {
  const { i18n } = useAppTranslation();
  if (v.reason !== undefined) return <>{saidText(i18n, v.reasonSaid, v.reason)}</>;
  if (v.message !== undefined && v.messageSaid) return <>{saidText(i18n, v.messageSaid, v.message)}</>;
  return v.message ? <code className="probe-said">{v.message}</code> : null;
}

/**
 * One planned line as the device's own help judged it. The status is written out (a screen
 * reader and a colour-blind eye read the same thing); a line not confirmed says where the device
 * stopped and which keywords it offers there.
 */
export function ProbeBadge({ verdict, note }: { verdict?: LineVerdict; note?: string }) {
  const { t } = useAppTranslation();
  if (!verdict) return note ? <span className="probe-badge probe-none">{note}</span> : null;
  const at = verdict.status === 'confirmed' ? '' : stoppedAt(verdict, t);
  const detail = at !== '' || verdict.reason !== undefined || verdict.message !== undefined;
  return (
    <>
      <span className={`probe-badge probe-${verdict.status}`} data-probe={verdict.status}>
        <span aria-hidden="true">{MARK[verdict.status]} </span>
        {t(`wizard.probe.status.${verdict.status}`)}
      </span>
      {verdict.status !== 'confirmed' && (
        <span className="probe-detail">
          {at}
          {at && (verdict.reason ?? verdict.message) ? ': ' : ''}
          <Said v={verdict} />
          {verdict.offered?.length ? (
            <>
              {detail ? '; ' : ''}
              {t('wizard.probe.offers')}{' '}
              {verdict.offered.map((w, i) => (
                <span key={w}>
                  {i > 0 ? ', ' : ''}
                  <code className="probe-offered">{w}</code>
                </span>
              ))}
            </>
          ) : null}
        </span>
      )}
    </>
  );
}
