// One shelf: its live weight plot, restock mode at its fixture, and every plate with status,
// product, weight, noise, drift and calibration, and the plate actions.
import type { DevicesOverview, FixtureView, ShelfView } from '../../../../native-bridge/contract';
import { useAppStore } from '../../state/StoreContext';
import { calibrationLabel, fixtureOfShelf, formatGrams, isScalePlate, plotData, seriesColour, statusLabel } from './devices-selectors';
import { PlateActions } from './PlateActions';
import { WeightPlot } from './WeightPlot';

/** Restock mode at the shelf's fixture: what makes tare, zero and calibration steps staff work. */
function RestockModeSwitch({ fixture }: { fixture: FixtureView }) {
  const setRestockMode = useAppStore((state) => state.devices.setRestockMode);
  const busy = useAppStore((state) => state.devices.busy === `fixture:${fixture.id}`);
  return (
    <label className={`devices__restock ${fixture.restocking ? 'devices__restock--on' : ''}`} data-testid="devices-restock-mode">
      <input type="checkbox" role="switch" aria-label={`Restock mode at ${fixture.name}`} checked={fixture.restocking} disabled={busy} onChange={(e) => void setRestockMode(fixture, e.target.checked)} />
      <span>
        Restock mode at {fixture.name}:{' '}
        {fixture.restocking
          ? 'on. Weight changes here, tare and calibration steps included, are staff work, charged to nobody.'
          : 'off. A tare or zero that moves a plate’s reading, and any calibration, would be charged to a shopper, so they are refused.'}
      </span>
    </label>
  );
}

export function ShelfDetail({ shelf, overview }: { shelf: ShelfView; overview: DevicesOverview }) {
  const weights = useAppStore((state) => state.devices.weights);
  const data = plotData(weights, shelf);
  const fixture = fixtureOfShelf(overview, shelf.id) ?? { id: shelf.fixture, name: shelf.fixture, restocking: false, shelves: [] };
  return (
    <section className="panel devices__shelf" aria-labelledby="shelf-title" data-testid="shelf-detail">
      <h2 id="shelf-title" className="panel__subtitle">
        Shelf {shelf.id} <span className="devices__muted">· {shelf.plates.length} plates · last 30 s</span>
      </h2>
      <RestockModeSwitch fixture={fixture} />
      <WeightPlot shelf={shelf} data={data} />
      <table className="devices__table">
        <thead>
          <tr>
            <th>Plate</th>
            <th>Status</th>
            <th>Product</th>
            <th className="devices__num">Weight</th>
            <th className="devices__num">Noise</th>
            <th className="devices__num">Drift</th>
            <th>Calibration</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {shelf.plates.map((plate, i) => (
            <tr key={plate.id} data-testid={`plate-row-${plate.id}`}>
              <td>
                <span className="devices__plate-id">
                  <span className="devices__swatch" style={{ background: seriesColour(i) }} aria-hidden="true" />
                  {plate.id}
                </span>
                <div className="devices__muted devices__plate-id">
                  {plate.device} ch {plate.channel}
                </div>
              </td>
              <td>
                <span className={`devices__status devices__status--${plate.status}`} data-testid="plate-status">
                  {statusLabel[plate.status]}
                </span>
                <div className="devices__muted devices__detail">{plate.detail}</div>
              </td>
              <td>{plate.productName ?? <span className="devices__muted">no planogram product</span>}</td>
              <td className="devices__num" data-testid="plate-grams">
                {formatGrams(plate.grams)}
              </td>
              <td className="devices__num">{plate.noiseG === null ? '—' : `±${plate.noiseG.toFixed(1)} g`}</td>
              <td className="devices__num">{plate.driftGPerMin === null ? '—' : `${plate.driftGPerMin.toFixed(1)} g/min`}</td>
              <td className="devices__muted" data-testid="plate-calibration">
                {calibrationLabel(plate)}
              </td>
              <td>
                <PlateActions plate={plate} fixture={fixture} toleranceG={overview.emptyToleranceG} scale={isScalePlate(overview, plate)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
