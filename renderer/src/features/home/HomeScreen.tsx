import { useStore } from '../../store/index';
import { selectExamples, selectExamplesError } from '../../store/selectors';
import { LabCard } from './LabCard';
import { OpenFilesCard } from './OpenFilesCard';
import { RecentCard } from './RecentCard';

export function HomeScreen() {
  const examples = useStore(selectExamples);
  const error = useStore(selectExamplesError);
  const openExample = useStore((s) => s.openExample);
  return (
    <div className="screen home">
      <header className="screen-head">
        <h1>Home</h1>
      </header>
      <div className="home-grid">
        <LabCard />
        <section className="card" aria-label="Example pairs">
          <h2>Example pairs</h2>
          {error && <p className="error-text">{error.message}</p>}
          {examples.length === 0 && !error && <p className="muted">No example pair files in this build.</p>}
          <ul className="examples">
            {examples.map((e) => (
              <li key={e.id}>
                <button type="button" className="link" onClick={() => void openExample(e.id)}>
                  {e.id}
                </button>
                {e.mode && <span className="badge">{e.mode}</span>}
                <span className="muted"> {e.title}</span>
              </li>
            ))}
          </ul>
        </section>
        <OpenFilesCard />
        <RecentCard />
      </div>
    </div>
  );
}
