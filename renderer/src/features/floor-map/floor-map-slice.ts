// The floor map's state: the plan fetched through the injected client, which layers are shown,
// and the pan/zoom view. View changes go through the pure maths in ./viewport so the slice only
// decides *when* things change.
import type { FloorPlan, Point } from '../../../../native-bridge/contract';
import type { StoreDeps } from '../../state/deps';
import { idle, toErrorInfo, type LoadState } from '../../state/load-state';
import type { SliceApi } from '../../state/slice';
import { defaultLayers, type LayerId, type LayerVisibility } from './layers';
import { selectBounds, selectPixelsPerMetre } from './selectors';
import { ZOOM_STEP, fitView, floorBounds, panByPixels, zoomAbout, type MapView, type Size } from './viewport';

export interface FloorMapState {
  plan: LoadState<FloorPlan>;
  layers: LayerVisibility;
  view: MapView;
  /** The map area's size in CSS pixels, measured by the view; null until it has been. */
  viewport: Size | null;
}

export interface FloorMapActions {
  load: () => Promise<void>;
  toggleLayer: (layer: LayerId) => void;
  setLayer: (layer: LayerId, visible: boolean) => void;
  setViewport: (viewport: Size) => void;
  /** Zooms by a factor; with an anchor (plan metres) that point stays put on screen. */
  zoomBy: (factor: number, anchor?: Point) => void;
  zoomIn: () => void;
  zoomOut: () => void;
  panByPixels: (dx: number, dy: number) => void;
  fitToView: () => void;
  reset: () => void;
}

export type FloorMapSlice = FloorMapState & FloorMapActions;

export function initialFloorMapState(): FloorMapState {
  return { plan: idle, layers: defaultLayers(), view: { center: [0, 0], zoom: 1 }, viewport: null };
}

export function createFloorMapSlice({ set, get }: SliceApi<FloorMapSlice>, { client }: StoreDeps): FloorMapSlice {
  // Every load and every reset takes a new number; only the latest request may write its answer,
  // so a slow first attempt cannot overwrite a later retry.
  let request = 0;

  const zoomBy = (factor: number, anchor?: Point): void => {
    const state = get();
    set({ view: zoomAbout(state.view, factor, selectBounds(state), anchor) });
  };

  return {
    ...initialFloorMapState(),
    load: async () => {
      const mine = ++request;
      set({ plan: { status: 'loading' } });
      try {
        const plan = await client.call('getFloorPlan', {});
        if (mine !== request) return;
        // A new plan is framed whole: the previous view may point at floor that no longer exists.
        set({ plan: { status: 'ready', data: plan }, view: fitView(floorBounds(plan.layout.floor)) });
      } catch (error) {
        if (mine === request) set({ plan: { status: 'error', error: toErrorInfo(error) } });
      }
    },
    toggleLayer: (layer) => set(({ layers }) => ({ layers: { ...layers, [layer]: !layers[layer] } })),
    setLayer: (layer, visible) => set(({ layers }) => ({ layers: { ...layers, [layer]: visible } })),
    setViewport: (viewport) => {
      const current = get().viewport;
      // ResizeObserver reports unchanged sizes too; skipping them spares a re-render of the map.
      if (current && current.width === viewport.width && current.height === viewport.height) return;
      set({ viewport: { width: viewport.width, height: viewport.height } });
    },
    zoomBy,
    zoomIn: () => zoomBy(ZOOM_STEP),
    zoomOut: () => zoomBy(1 / ZOOM_STEP),
    panByPixels: (dx, dy) => {
      const state = get();
      set({ view: panByPixels(state.view, dx, dy, selectPixelsPerMetre(state), selectBounds(state)) });
    },
    fitToView: () => set({ view: fitView(selectBounds(get())) }),
    reset: () => {
      request++;
      set(initialFloorMapState());
    },
  };
}
