import type { ConnectOutput } from '../../../../../src/contract/index';

/** Where a connected device is, as the host reported it. */
export function ConnectedSummary({ info }: { info: ConnectOutput }) {
  return (
    <dl className="facts compact" aria-label={`Device ${info.device.toUpperCase()} connection`}>
      <dt>Connected</dt>
      <dd>
        <strong>{info.sysname}</strong> · <code>{info.prompt}</code>
      </dd>
      <dt>Link</dt>
      <dd>{info.label}</dd>
      {info.baud !== undefined && (
        <>
          <dt>Speed</dt>
          <dd>
            {info.baud} baud{info.autoBaud ? ' (chosen by auto-baud)' : ''}
          </dd>
        </>
      )}
      {info.fingerprint && (
        <>
          <dt>Host key</dt>
          <dd>
            <code>{info.fingerprint}</code>
          </dd>
        </>
      )}
      <dt>Transcript</dt>
      <dd className="small">
        <code>{info.transcript}</code>
      </dd>
    </dl>
  );
}
