// Shown for a hash that names no view: say so, rather than quietly showing some other page.
import { StatePanel } from '../ui/StatePanel';
import { defaultRoute, hrefFor } from './routes';

export function NotFound() {
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page__header">
        <h1 id="page-title" className="page__title">
          Page not found
        </h1>
      </header>
      <StatePanel tone="info" title="No view has this address" testId="not-found">
        <p>
          <a href={hrefFor(defaultRoute)}>Go to the floor map</a>
        </p>
      </StatePanel>
    </section>
  );
}
