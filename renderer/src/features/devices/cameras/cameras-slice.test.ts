import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type CameraView, type FloorPlan } from '../../../../../native-bridge/contract';
import { createAppStore, type AppStore } from '../../../state/app-store';
import { deferred, TestDoubleApiClient } from '../../../testing/test-double-api-client';
import { initialCamerasState } from './cameras-slice';
import { sampleCamera, sampleFit, sampleOverview, sampleStill, videoCamera } from './cameras-test-data';

let client: TestDoubleApiClient;
let store: AppStore;
const cameras = () => store.getState().cameras;
const plan = { layout: { name: 'Demo' } } as unknown as FloorPlan;

beforeEach(() => {
  client = new TestDoubleApiClient('open');
  client.answer('getFloorPlan', () => plan);
  store = createAppStore({ client });
});

async function loaded(): Promise<void> {
  client.answer('listCameras', () => sampleOverview());
  await cameras().load();
}

const pairs = (n: number) => Array.from({ length: n }, (_, i) => ({ image: [100 * i, 50 + 30 * ((i * i) % 5)] as [number, number], floor: [i, (i * i) % 3] as [number, number] }));

describe('cameras slice', () => {
  it('loads cameras and the plan, and selects the first camera with video', async () => {
    const answer = deferred<ReturnType<typeof sampleOverview>>();
    client.answer('listCameras', () => answer.promise);
    const loading = cameras().load();
    expect(cameras().overview.status).toBe('loading');
    answer.resolve(sampleOverview());
    await loading;
    expect(cameras().overview.status).toBe('ready');
    expect(cameras().plan).toEqual({ status: 'ready', data: plan });
    expect(cameras().selected).toBe('cam-25');
  });

  it('shows an error when the first load fails, and keeps data when a refresh fails', async () => {
    client.answer('listCameras', () => {
      throw new ApiError('forbidden', 'listCameras: the analyst role may not do this');
    });
    await cameras().load();
    expect(cameras().overview).toEqual({ status: 'error', error: { code: 'forbidden', message: 'listCameras: the analyst role may not do this' } });
    await loaded();
    client.answer('listCameras', () => {
      throw new ApiError('internal', 'host gone');
    });
    await cameras().refresh();
    expect(cameras().overview.status).toBe('ready');
    expect(cameras().refreshError?.message).toBe('host gone');
  });

  it('keeps the cameras when only the floor plan fails, and fetches the plan again alone', async () => {
    client.answer('getFloorPlan', () => {
      throw new ApiError('internal', 'getFloorPlan: store layout unreadable');
    });
    await loaded();
    expect(cameras().overview.status).toBe('ready');
    expect(cameras().plan).toEqual({ status: 'error', error: { code: 'internal', message: 'getFloorPlan: store layout unreadable' } });
    const answer = deferred<FloorPlan>();
    client.answer('getFloorPlan', () => answer.promise);
    const retry = cameras().loadPlan();
    expect(cameras().plan.status).toBe('loading');
    answer.resolve(plan);
    await retry;
    expect(cameras().plan).toEqual({ status: 'ready', data: plan });
    expect(client.callsOf('listCameras')).toHaveLength(1);
  });

  it('fetches the selected camera\'s still; a slow answer for another camera is dropped', async () => {
    await loaded();
    const slow = deferred<ReturnType<typeof sampleStill>>();
    client.answer('getCameraStill', () => slow.promise);
    const first = cameras().loadStill();
    cameras().select('cam-01');
    slow.resolve(sampleStill('cam-25'));
    await first;
    expect(cameras().still).toEqual({ status: 'idle' });
    cameras().select('cam-25');
    client.answer('getCameraStill', ({ cameraId }) => sampleStill(cameraId));
    await cameras().loadStill();
    expect(cameras().still).toMatchObject({ status: 'ready', data: { cameraId: 'cam-25' } });
  });

  it('refits on the host once the draft has four pairs, and only the newest fit counts', async () => {
    await loaded();
    const answers = [deferred<ReturnType<typeof sampleFit>>(), deferred<ReturnType<typeof sampleFit>>()];
    let n = 0;
    client.answer('fitCameraHomography', () => answers[n++]!.promise);
    for (const p of pairs(3)) {
      cameras().editDraft({ type: 'add-image-point', point: p.image });
      cameras().editDraft({ type: 'add-floor-point', point: p.floor });
    }
    expect(client.callsOf('fitCameraHomography')).toEqual([]);
    expect(cameras().fit.status).toBe('idle');
    const [fourth, fifth] = pairs(5).slice(3);
    cameras().editDraft({ type: 'add-image-point', point: fourth!.image });
    cameras().editDraft({ type: 'add-floor-point', point: fourth!.floor });
    cameras().editDraft({ type: 'add-image-point', point: fifth!.image });
    cameras().editDraft({ type: 'add-floor-point', point: fifth!.floor });
    expect(client.callsOf('fitCameraHomography')).toEqual([
      { cameraId: 'cam-25', pairs: pairs(4) },
      { cameraId: 'cam-25', pairs: pairs(5) },
    ]);
    answers[1]!.resolve(sampleFit([0.01, 0.02, 0.01, 0.03, 0.02]));
    answers[0]!.resolve(sampleFit([0, 0, 0, 0]));
    await Promise.all(answers.map((a) => a.promise));
    await Promise.resolve();
    expect(cameras().fit).toMatchObject({ status: 'ready', data: { residualsM: [0.01, 0.02, 0.01, 0.03, 0.02] } });
  });

  it('shows a fit the host refuses, with its reason', async () => {
    await loaded();
    client.answer('fitCameraHomography', () => {
      throw new ApiError('invalid_input', 'the floor points lie on one line: spread them over the floor');
    });
    for (const p of pairs(4)) {
      cameras().editDraft({ type: 'add-image-point', point: p.image });
      cameras().editDraft({ type: 'add-floor-point', point: p.floor });
    }
    await new Promise((r) => setTimeout(r, 0));
    expect(cameras().fit).toEqual({ status: 'error', error: { code: 'invalid_input', message: 'the floor points lie on one line: spread them over the floor' } });
  });

  it('saves a calibration: the camera is replaced by the host\'s answer and the draft cleared', async () => {
    await loaded();
    client.answer('fitCameraHomography', () => sampleFit([0.01, 0.02, 0.01, 0.03, 0.02]));
    for (const p of pairs(5)) {
      cameras().editDraft({ type: 'add-image-point', point: p.image });
      cameras().editDraft({ type: 'add-floor-point', point: p.floor });
    }
    const calibrated: CameraView = {
      ...videoCamera('cam-25'),
      placement: 'calibrated',
      calibration: { homography: [1, 0, 0, 0, 1, 0, 0, 0, 1], pairs: pairs(5), rmsM: 0.021, maxM: 0.03, updatedAt: '2026-11-21T10:00:00.000Z', updatedBy: 'local' },
    };
    client.answer('saveCameraCalibration', () => calibrated);
    expect(await cameras().saveCalibration('remounted after refit')).toBe(true);
    expect(client.callsOf('saveCameraCalibration')).toEqual([{ cameraId: 'cam-25', pairs: pairs(5), reason: 'remounted after refit' }]);
    const overview = cameras().overview;
    expect(overview.status === 'ready' && overview.data.cameras.find((c) => c.id === 'cam-25')?.placement).toBe('calibrated');
    expect(cameras().draft.pairs).toEqual([]);
    expect(cameras().fit.status).toBe('idle');
    expect(cameras().notice).toBe('Camera cam-25: calibration saved (reprojection error 2.1 cm RMS).');
  });

  it('keeps the source when the host refuses it, and says why', async () => {
    await loaded();
    client.answer('setCameraSource', () => {
      throw new ApiError('invalid_input', 'no video file at /nope.mp4 on the computer running Walkout');
    });
    expect(await cameras().setSource({ kind: 'file', url: '/nope.mp4' }, 'trying a clip')).toBe(false);
    expect(cameras().changeError?.message).toBe('no video file at /nope.mp4 on the computer running Walkout');
    expect(cameras().busy).toBeNull();
    client.answer('setCameraSource', () => sampleCamera('cam-25'));
    expect(await cameras().setSource(null, 'back to the simulator')).toBe(true);
    expect(cameras().notice).toBe("Camera cam-25 is back to the store's source (simulated).");
  });

  it('resets to its first state', async () => {
    await loaded();
    cameras().reset();
    expect(cameras()).toMatchObject(initialCamerasState);
  });
});
