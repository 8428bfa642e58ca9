// The live layer: two <canvas> over the SVG plan (trails, and shoppers on top; see paint-live.ts),
// drawn with the same viewBox maths so shoppers stay on their spot through pan and zoom. Canvases
// rather than SVG elements because a few hundred moving shoppers re-rendered through React at
// animation rate would not keep up. Drawing runs outside React: a store subscription asks for an animation frame whenever the feed, the view or
// the selection changes, and frames keep coming only while a move is still being animated, so an
// idle map costs nothing. The same surface that pans also picks: a click that did not drag selects
// the shopper drawn under it, and `[` / `]` step through shoppers from the keyboard.
import { useEffect, useRef, type RefObject } from 'react';
import { useAppStoreApi } from '../../../state/StoreContext';
import type { AppState } from '../../../state/app-store';
import { selectViewBox } from '../selectors';
import { usableViewport } from '../viewport';
import { interpolationProgress } from './live-selectors';
import { useLiveLayerFrozen } from './LiveMapNotice';
import { paintLiveLayer, paintTrailHistory, type PaintInput } from './paint-live';
import { LabelGrid } from './label-grid';
import { ShopperLayout } from './shopper-layout';
import { SpriteCache } from './sprite-cache';
import './live.css';

/** A press that moved further than this was a drag (a pan), not a click on a shopper. */
const CLICK_SLOP_PX = 5;

/** Only what the canvas draws: the feed, toasts and the shopper panel's session do not repaint it. */
function needsRedraw(state: AppState, previous: AppState): boolean {
  const live = state.liveFloor;
  const before = previous.liveFloor;
  return (
    live.frame !== before.frame ||
    live.receivedAt !== before.receivedAt ||
    live.selectedTrackId !== before.selectedTrackId ||
    state.floorMap.view !== previous.floorMap.view ||
    state.floorMap.viewport !== previous.floorMap.viewport ||
    state.floorMap.plan !== previous.floorMap.plan
  );
}

function sampleOf(layout: ShopperLayout, wanted: string | undefined): string {
  const trackId = wanted ? Number(wanted) : layout.count > 0 ? layout.trackIds[0]! : NaN;
  const at = Number.isFinite(trackId) ? layout.positionOf(trackId) : null;
  return at ? `${trackId} ${at[0].toFixed(1)} ${at[1].toFixed(1)}` : '';
}

export function LiveLayer({ surface }: { surface: RefObject<HTMLElement | null> }) {
  const api = useAppStoreApi();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const trailsRef = useRef<HTMLCanvasElement>(null);
  const frozen = useLiveLayerFrozen();

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    const trailCanvas = trailsRef.current;
    const trailCtx = trailCanvas?.getContext('2d');
    const element = surface.current;
    if (!canvas || !ctx || !trailCanvas || !trailCtx || !element) return undefined;
    const layout = new ShopperLayout();
    const sprites = new SpriteCache();
    const labels = new LabelGrid();
    const fontFamily = getComputedStyle(canvas).fontFamily || 'sans-serif';
    let pending = 0;
    // What the trail canvas shows: repainted only when one of these changes.
    let trailsDrawn = '';

    const draw = (now: number) => {
      pending = 0;
      const { liveFloor, floorMap } = api.getState();
      const viewport = usableViewport(floorMap.viewport);
      const viewBox = selectViewBox(floorMap);
      const scale = viewport.width / viewBox.width;
      const pixelRatio = window.devicePixelRatio || 1;
      const width = Math.round(viewport.width * pixelRatio);
      const height = Math.round(viewport.height * pixelRatio);
      // Setting a canvas's size clears it and reallocates its buffer: only when it really changed.
      for (const c of [canvas, trailCanvas]) {
        if (c.width !== width) c.width = width;
        if (c.height !== height) c.height = height;
      }
      const progress = interpolationProgress(liveFloor, now);
      layout.update(liveFloor.frame, liveFloor.trails, progress, viewBox, scale);
      const input: PaintInput = {
        frame: liveFloor.frame,
        trails: liveFloor.trails,
        layout,
        viewBox,
        scale,
        width: viewport.width,
        height: viewport.height,
        pixelRatio,
        selectedTrackId: liveFloor.selectedTrackId,
        fontFamily,
        sprites,
        labels,
      };
      const trailsKey = `${liveFloor.frame?.t} ${liveFloor.receivedAt} ${viewBox.x} ${viewBox.y} ${scale} ${width} ${height}`;
      if (trailsKey !== trailsDrawn) {
        trailsDrawn = trailsKey;
        paintTrailHistory(trailCtx, input);
      }
      paintLiveLayer(ctx, input);
      // One shopper's drawn spot, for automated tests and support tooling: the canvas is otherwise
      // opaque to anything but eyes. The first shopper's, or the one data-sample-track names.
      canvas.dataset.shoppers = String(layout.count);
      canvas.dataset.sample = sampleOf(layout, canvas.dataset.sampleTrack);
      if (progress < 1 && liveFloor.frame) schedule();
    };
    const schedule = () => {
      if (!pending) pending = requestAnimationFrame(draw);
    };
    const unsubscribe = api.subscribe((state, previous) => {
      if (needsRedraw(state, previous)) schedule();
    });
    schedule();

    let pressedAt: { x: number; y: number } | null = null;
    const onPointerDown = (event: PointerEvent) => {
      pressedAt = event.button === 0 ? { x: event.clientX, y: event.clientY } : null;
    };
    const onClick = (event: MouseEvent) => {
      const start = pressedAt;
      pressedAt = null;
      if (start && Math.hypot(event.clientX - start.x, event.clientY - start.y) > CLICK_SLOP_PX) return;
      const rect = canvas.getBoundingClientRect();
      const trackId = layout.pick(event.clientX - rect.left, event.clientY - rect.top);
      // A click on empty floor puts the selection down, like most maps.
      const live = api.getState().liveFloor;
      if (trackId !== live.selectedTrackId) live.select(trackId);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const live = api.getState().liveFloor;
      if (event.key === ']' || event.key === '[') {
        event.preventDefault();
        live.selectAdjacent(event.key === ']' ? 1 : -1);
      } else if (event.key === 'Escape' && live.selectedTrackId !== null) {
        event.preventDefault();
        live.select(null);
      }
    };
    element.addEventListener('pointerdown', onPointerDown);
    element.addEventListener('click', onClick);
    element.addEventListener('keydown', onKeyDown);

    return () => {
      if (pending) cancelAnimationFrame(pending);
      unsubscribe();
      element.removeEventListener('pointerdown', onPointerDown);
      element.removeEventListener('click', onClick);
      element.removeEventListener('keydown', onKeyDown);
    };
  }, [api, surface]);

  const className = frozen ? 'live-layer live-layer--frozen' : 'live-layer';
  return (
    <>
      <canvas ref={trailsRef} className={className} data-testid="live-trails" aria-hidden="true" />
      <canvas ref={canvasRef} className={className} data-testid="live-layer" aria-hidden="true" />
    </>
  );
}
