// The map's key, built from what this plan contains.
import { useMemo } from 'react';
import type { FloorPlan } from '../../../../native-bridge/contract';
import { legendEntries } from './legend-entries';

export function Legend({ plan }: { plan: FloorPlan }) {
  const entries = useMemo(() => legendEntries(plan), [plan]);
  return (
    <section className="side-section legend" aria-labelledby="legend-title" data-testid="legend">
      <h3 id="legend-title" className="side-section__title">
        Legend
      </h3>
      <ul className="legend__list">
        {entries.map((entry) => (
          <li key={entry.key} className="legend__item">
            <span className={`legend__swatch legend__swatch--${entry.shape} swatch--${entry.swatch}`} aria-hidden="true" />
            {entry.label}
          </li>
        ))}
      </ul>
    </section>
  );
}
