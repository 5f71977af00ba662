import type { ErrorInfo } from '../../../../src/contract/index';
import { errorText } from '../../../../src/i18n/core-text';
import { useAppTranslation } from '../../i18n';

/** An error as the user needs it: what happened, then what to do, in the user's language where the error carries its message id. */
export function ErrorNote({ error, title }: { error: ErrorInfo; title?: string }) {
  const { t, i18n } = useAppTranslation();
  const text = errorText(i18n, error);
  return (
    <div className="error-note" role="alert" data-code={error.code}>
      <p>
        {title && <strong>{title} </strong>}
        {text.message}
      </p>
      {text.fix && <p className="error-fix">{t('pairing.error.fix', { fix: text.fix })}</p>}
    </div>
  );
}

/** The same error on one line (message, then fix), for a card's own alert paragraph. */
export function ErrorLine({ error }: { error: ErrorInfo }) {
  const { i18n } = useAppTranslation();
  const text = errorText(i18n, error);
  return (
    <>
      {text.message}
      {text.fix ? ` ${text.fix}` : ''}
    </>
  );
}
