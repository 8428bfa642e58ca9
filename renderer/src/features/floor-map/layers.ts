// The map's switchable layers. Gates and walls are not switchable: without them the plan stops
// being a plan of this store.
export const layerIds = ['zones', 'fixtures', 'cameras', 'fieldsOfView', 'labels'] as const;
export type LayerId = (typeof layerIds)[number];
export type LayerVisibility = Record<LayerId, boolean>;

export const layerLabels: Record<LayerId, string> = {
  zones: 'Zones',
  fixtures: 'Fixtures',
  cameras: 'Cameras',
  fieldsOfView: 'Camera fields of view',
  labels: 'Labels',
};

export function defaultLayers(): LayerVisibility {
  return { zones: true, fixtures: true, cameras: true, fieldsOfView: true, labels: true };
}
