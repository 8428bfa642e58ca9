// Where a manager finds each entry gate's screen: one link per entry gate. Same tab on purpose: the
// host's connection token lives in this tab's session storage, which a new tab would not get.
import type { FloorPlan } from '../../../../native-bridge/contract';
import { hrefFor } from '../../app/routes';
import { entryGates } from './gate-display-selectors';

export function GateDisplayLinks({ plan }: { plan: FloorPlan }) {
  const gates = entryGates(plan);
  if (gates.length === 0) return null;
  return (
    <section className="side-section" aria-labelledby="gate-displays-title" data-testid="gate-display-links">
      <h3 id="gate-displays-title" className="side-section__title">
        Gate displays
      </h3>
      <ul className="legend__list">
        {gates.map((gate) => (
          <li key={gate.id} className="legend__item">
            <a href={hrefFor('gate', gate.id)}>
              {gate.name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
