// The honest placeholder for a feature whose view does not exist yet: what it will do, and a
// plain statement that it is not built. Deliberately shows no sample numbers or mock data.
import './panels.css';

export interface NotBuiltPanelProps {
  /** The page heading; the same word as the navigation link, so people know where they are. */
  title: string;
  /** One sentence on the job of the view. */
  summary: string;
  /** What the finished view will let a person do. */
  willDo: readonly string[];
}

export function NotBuiltPanel({ title, summary, willDo }: NotBuiltPanelProps) {
  return (
    <section className="page" aria-labelledby="page-title" data-testid="not-built">
      <header className="page__header">
        <h1 id="page-title" className="page__title">
          {title}
        </h1>
      </header>
      <div className="panel panel--notice">
        <p className="panel__lead">{summary}</p>
        <p className="panel__status" data-testid="not-built-notice">
          Not built yet. This view has no data behind it so far, so it shows none.
        </p>
        <h3 className="panel__subtitle">When it is built, it will</h3>
        <ul className="panel__list">
          {willDo.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
