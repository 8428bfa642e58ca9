// The Cameras tab's state: the host's cameras overview and the floor plan to draw them on, the
// selected camera and its latest still, and the two things people do here — give a camera a video
// source, calibrate its floor homography from clicked point pairs (a draft edited by pure actions,
// refitted on the host as soon as it has four pairs, then saved). Every change is one call the host
// audits; its answer replaces the camera, so the tab shows the host's truth.
import type { CameraStill, CameraView, CamerasOverview, FloorPlan, HomographyFitView, VideoSource } from '../../../../../native-bridge/contract';
import type { StoreDeps } from '../../../state/deps';
import { idle, toErrorInfo, type ErrorInfo, type LoadState } from '../../../state/load-state';
import type { SliceApi } from '../../../state/slice';
import { completePairs, emptyDraft, performDraftAction, type CalibrationDraft, type DraftAction } from './calibration-draft';

export interface CamerasState {
  overview: LoadState<CamerasOverview>;
  /** A refresh failed while earlier data is shown. */
  refreshError: ErrorInfo | null;
  plan: LoadState<FloorPlan>;
  selected: string | null;
  /** The selected camera's latest still; ready with null while it has no frame yet. */
  still: LoadState<CameraStill | null>;
  draft: CalibrationDraft;
  /** The host's fit of the draft's complete pairs (idle under four pairs). */
  fit: LoadState<HomographyFitView>;
  busy: 'source' | 'calibration' | null;
  changeError: ErrorInfo | null;
  notice: string | null;
}

export interface CamerasActions {
  load: () => Promise<void>;
  /** Fetches the floor plan again, alone (after it failed). */
  loadPlan: () => Promise<void>;
  refresh: () => Promise<void>;
  select: (cameraId: string) => void;
  loadStill: () => Promise<void>;
  setSource: (source: VideoSource | null, reason: string) => Promise<boolean>;
  editDraft: (action: DraftAction) => void;
  saveCalibration: (reason: string) => Promise<boolean>;
  clearCalibration: (reason: string) => Promise<boolean>;
  reset: () => void;
}

export type CamerasSlice = CamerasState & CamerasActions;

export const initialCamerasState: CamerasState = {
  overview: idle,
  refreshError: null,
  plan: idle,
  selected: null,
  still: idle,
  draft: emptyDraft,
  fit: idle,
  busy: null,
  changeError: null,
  notice: null,
};

/** The overview with one camera replaced by the host's answer. */
export function withCamera(overview: CamerasOverview, camera: CameraView): CamerasOverview {
  return { ...overview, cameras: overview.cameras.map((c) => (c.id === camera.id ? camera : c)) };
}

export function createCamerasSlice({ set, get }: SliceApi<CamerasSlice>, { client }: StoreDeps): CamerasSlice {
  // Only the latest request of each kind may write its answer: a slow poll must not put back a
  // camera older than a change just made, nor a slow fit overwrite the fit of a newer draft.
  let overviewRequest = 0;
  let stillRequest = 0;
  let fitRequest = 0;
  /** The pairs of the last fit asked for: a click that completes no pair needs no new fit. */
  let fittedKey = '';

  const fetchOverview = async (): Promise<CamerasOverview | null> => {
    const mine = ++overviewRequest;
    try {
      const overview = await client.call('listCameras', {});
      return mine === overviewRequest ? overview : null;
    } catch (error) {
      if (mine !== overviewRequest) return null;
      throw error;
    }
  };

  const refit = async (): Promise<void> => {
    const { selected, draft } = get();
    const pairs = completePairs(draft);
    const key = JSON.stringify([selected, pairs]);
    if (key === fittedKey) return;
    fittedKey = key;
    const mine = ++fitRequest;
    if (!selected || pairs.length < 4) {
      set({ fit: idle });
      return;
    }
    set({ fit: { status: 'loading' } });
    try {
      const fit = await client.call('fitCameraHomography', { cameraId: selected, pairs });
      if (mine === fitRequest) set({ fit: { status: 'ready', data: fit } });
    } catch (error) {
      if (mine === fitRequest) set({ fit: { status: 'error', error: toErrorInfo(error) } });
    }
  };

  const change = async (busy: 'source' | 'calibration', call: () => Promise<CameraView>, notice: (camera: CameraView) => string): Promise<boolean> => {
    set({ busy, changeError: null, notice: null });
    try {
      const camera = await call();
      overviewRequest++;
      const overview = get().overview;
      set({ busy: null, notice: notice(camera), ...(overview.status === 'ready' ? { overview: { status: 'ready', data: withCamera(overview.data, camera) } } : {}) });
      return true;
    } catch (error) {
      set({ busy: null, changeError: toErrorInfo(error) });
      return false;
    }
  };

  const select = (cameraId: string): void => {
    if (get().selected === cameraId) return;
    stillRequest++;
    fitRequest++;
    fittedKey = '';
    set({ selected: cameraId, still: idle, draft: emptyDraft, fit: idle, changeError: null, notice: null });
  };

  const loadPlan = async (): Promise<void> => {
    set({ plan: { status: 'loading' } });
    try {
      set({ plan: { status: 'ready', data: await client.call('getFloorPlan', {}) } });
    } catch (error) {
      set({ plan: { status: 'error', error: toErrorInfo(error) } });
    }
  };

  return {
    ...initialCamerasState,

    load: async () => {
      set({ overview: { status: 'loading' }, refreshError: null });
      const [overview] = await Promise.allSettled([fetchOverview(), loadPlan()]);
      if (overview.status === 'rejected') {
        set({ overview: { status: 'error', error: toErrorInfo(overview.reason) } });
        return;
      }
      if (!overview.value) return;
      set({ overview: { status: 'ready', data: overview.value } });
      // The first camera with video is the interesting one; otherwise simply the first.
      const first = overview.value.cameras.find((c) => c.source && c.source.kind !== 'simulated') ?? overview.value.cameras[0];
      if (!get().selected && first) select(first.id);
    },

    loadPlan,

    refresh: async () => {
      try {
        const overview = await fetchOverview();
        if (overview) set({ overview: { status: 'ready', data: overview }, refreshError: null });
      } catch (error) {
        set({ refreshError: toErrorInfo(error) });
      }
    },

    select,

    loadStill: async () => {
      const cameraId = get().selected;
      if (!cameraId) return;
      const mine = ++stillRequest;
      if (get().still.status === 'idle') set({ still: { status: 'loading' } });
      try {
        const still = await client.call('getCameraStill', { cameraId });
        if (mine === stillRequest) set({ still: { status: 'ready', data: still } });
      } catch (error) {
        if (mine === stillRequest) set({ still: { status: 'error', error: toErrorInfo(error) } });
      }
    },

    setSource: async (source, reason) => {
      const cameraId = get().selected;
      if (!cameraId) return false;
      const ok = await change('source', () => client.call('setCameraSource', { cameraId, source, reason }), (camera) =>
        source ? `${camera.name} now reads ${source.url}.` : `${camera.name} is back to the store's source (${camera.source?.kind ?? 'none'}).`,
      );
      if (ok) {
        stillRequest++;
        set({ still: idle });
      }
      return ok;
    },

    editDraft: (action) => {
      set({ draft: performDraftAction(get().draft, action), notice: null });
      void refit();
    },

    saveCalibration: async (reason) => {
      const cameraId = get().selected;
      const pairs = completePairs(get().draft);
      if (!cameraId) return false;
      const ok = await change('calibration', () => client.call('saveCameraCalibration', { cameraId, pairs, reason }), (camera) =>
        `${camera.name}: calibration saved (reprojection error ${((camera.calibration?.rmsM ?? 0) * 100).toFixed(1)} cm RMS).`,
      );
      if (ok) {
        fitRequest++;
        fittedKey = '';
        set({ draft: emptyDraft, fit: idle });
      }
      return ok;
    },

    clearCalibration: async (reason) => {
      const cameraId = get().selected;
      if (!cameraId) return false;
      return change('calibration', () => client.call('clearCameraCalibration', { cameraId, reason }), (camera) => `${camera.name}: back to the store's ${camera.placement}.`);
    },

    reset: () => {
      overviewRequest++;
      stillRequest++;
      fitRequest++;
      fittedKey = '';
      set(initialCamerasState);
    },
  };
}
