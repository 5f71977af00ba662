import type { HealthCheck } from '../../../../../src/contract/index';

const MARK: Record<HealthCheck['status'], string> = { pass: '✔ pass', fail: '✖ fail', warn: '⚠ warn', 'n/a': '– n/a' };

/** The pair health matrix: each named check with its verdict, the reason and, when not passing, the fix. */
export function HealthMatrix({ checks, caption }: { checks: readonly HealthCheck[]; caption: string }) {
  return (
    <table className="health">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Check</th>
          <th scope="col">Result</th>
          <th scope="col">Reason</th>
          <th scope="col">Fix</th>
        </tr>
      </thead>
      <tbody>
        {checks.map((c) => (
          <tr key={c.id} className={`health-${c.status.replace('/', '')}`} data-check={c.id}>
            <th scope="row">{c.title}</th>
            <td className="health-mark">{MARK[c.status]}</td>
            <td>{c.reason}</td>
            <td>{c.status === 'pass' ? '' : c.fix}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
