import type { ErrorInfo } from '../../../../src/contract/index';

/** An error as the user needs it: what happened, then what to do. */
export function ErrorNote({ error, title }: { error: ErrorInfo; title?: string }) {
  return (
    <div className="error-note" role="alert" data-code={error.code}>
      <p>
        {title && <strong>{title} </strong>}
        {error.message}
      </p>
      {error.fix && <p className="error-fix">What to do: {error.fix}</p>}
    </div>
  );
}
