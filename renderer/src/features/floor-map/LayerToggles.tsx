// Switches for the map's layers, as labelled checkboxes so they work from the keyboard.
import { useAppStore } from '../../state/StoreContext';
import { layerIds, layerLabels } from './layers';

export function LayerToggles() {
  const layers = useAppStore((state) => state.floorMap.layers);
  const setLayer = useAppStore((state) => state.floorMap.setLayer);
  return (
    <fieldset className="side-section layer-toggles">
      <legend className="side-section__title">Layers</legend>
      {layerIds.map((id) => (
        <label key={id} className="layer-toggles__item">
          <input
            type="checkbox"
            checked={layers[id]}
            onChange={(event) => setLayer(id, event.currentTarget.checked)}
            data-testid={`toggle-${id}`}
          />
          {layerLabels[id]}
        </label>
      ))}
    </fieldset>
  );
}
