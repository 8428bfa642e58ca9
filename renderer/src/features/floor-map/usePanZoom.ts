// Turns pointer, wheel and keyboard input on the map surface into the slice's pan/zoom actions,
// and keeps the slice told of the surface's size. All maths stays in the slice and ./viewport.
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { useAppStoreApi } from '../../state/StoreContext';
import { selectViewBox } from './selectors';
import { screenToPlan } from './viewport';

/** Pixels moved per arrow-key press. */
const KEY_PAN_PX = 60;
/** Wheel sensitivity: exp(-deltaY × this) per event, so zoom speed follows how far the wheel turned. */
const WHEEL_ZOOM_RATE = 0.0015;

export interface PanZoomHandlers {
  onPointerDown: (event: PointerEvent<HTMLElement>) => void;
  onPointerMove: (event: PointerEvent<HTMLElement>) => void;
  onPointerUp: (event: PointerEvent<HTMLElement>) => void;
  onPointerCancel: (event: PointerEvent<HTMLElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

export function usePanZoom(surface: RefObject<HTMLElement | null>): { dragging: boolean; handlers: PanZoomHandlers } {
  const api = useAppStoreApi();
  const last = useRef<{ id: number; x: number; y: number } | null>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const element = surface.current;
    if (!element) return undefined;

    const resize = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) api.getState().floorMap.setViewport({ width: box.width, height: box.height });
    });
    resize.observe(element);

    // Registered by hand because React's wheel listener is passive and could not stop the page
    // from scrolling while the map zooms.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const floorMap = api.getState().floorMap;
      const rect = element.getBoundingClientRect();
      const anchor = screenToPlan([event.clientX - rect.left, event.clientY - rect.top], selectViewBox(floorMap), floorMap.viewport);
      // Line- and page-based wheels (Firefox, some mice) report far smaller numbers than pixel ones.
      const scale = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
      floorMap.zoomBy(Math.exp(-event.deltaY * scale * WHEEL_ZOOM_RATE), anchor);
    };
    element.addEventListener('wheel', onWheel, { passive: false });

    return () => {
      resize.disconnect();
      element.removeEventListener('wheel', onWheel);
    };
  }, [api, surface]);

  const endDrag = (event: PointerEvent<HTMLElement>) => {
    if (last.current?.id !== event.pointerId) return;
    last.current = null;
    setDragging(false);
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  };

  const handlers: PanZoomHandlers = {
    onPointerDown: (event) => {
      if (event.button !== 0) return;
      // Capture keeps the drag going when the pointer leaves the map mid-gesture.
      event.currentTarget.setPointerCapture(event.pointerId);
      last.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
      setDragging(true);
    },
    onPointerMove: (event) => {
      const previous = last.current;
      if (!previous || previous.id !== event.pointerId) return;
      last.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
      api.getState().floorMap.panByPixels(event.clientX - previous.x, event.clientY - previous.y);
    },
    onPointerUp: endDrag,
    onPointerCancel: endDrag,
    onKeyDown: (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const floorMap = api.getState().floorMap;
      // Arrow keys move the view the way the arrow points, i.e. the plan slides the other way.
      const actions: Record<string, () => void> = {
        ArrowLeft: () => floorMap.panByPixels(KEY_PAN_PX, 0),
        ArrowRight: () => floorMap.panByPixels(-KEY_PAN_PX, 0),
        ArrowUp: () => floorMap.panByPixels(0, KEY_PAN_PX),
        ArrowDown: () => floorMap.panByPixels(0, -KEY_PAN_PX),
        '+': floorMap.zoomIn,
        '=': floorMap.zoomIn,
        '-': floorMap.zoomOut,
        _: floorMap.zoomOut,
        '0': floorMap.fitToView,
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    },
  };

  return { dragging, handlers };
}
