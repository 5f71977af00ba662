import { useStore } from '../../store/index';
import { selectExamples, selectExamplesError } from '../../store/selectors';
import { LabCard } from './LabCard';
import { OpenFilesCard } from './OpenFilesCard';
import { RecentCard } from './RecentCard';
import { useAppTranslation } from '../../i18n';
import { errorText } from '../../../../src/i18n/core-text';

export function HomeScreen() {
  const examples = useStore(selectExamples);
  const error = useStore(selectExamplesError);
  const openExample = useStore((s) => s.openExample);
  const { t, i18n } = useAppTranslation();
  // A built-in example is described in the reader's language; a file added to the folder keeps its own first comment.
  const exampleAbout = (e: { id: string; title: string }) => (i18n.exists(`app:home.examples.about.${e.id}`) ? t(`home.examples.about.${e.id}`) : e.title);
  return (
    <div className="screen home">
      <header className="screen-head">
        <h1>{t('home.title')}</h1>
      </header>
      <div className="home-grid">
        <LabCard />
        <section className="card" aria-label={t('home.examples.title')}>
          <h2>{t('home.examples.title')}</h2>
          {error && <p className="error-text">{errorText(i18n, error).message}</p>}
          {examples.length === 0 && !error && <p className="muted">{t('home.examples.none')}</p>}
          <ul className="examples">
            {examples.map((e) => (
              <li key={e.id}>
                <button type="button" className="link" onClick={() => void openExample(e.id)}>
                  {e.id}
                </button>
                {e.mode && <span className="badge">{e.mode}</span>}
                <span className="muted"> {exampleAbout(e)}</span>
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
