// The cameras' geometry as in force: cameras.json's pose or homography, replaced by a floor
// calibration saved in the app (db.cameraSettings) where there is one. Everything that places a
// camera on the floor — the engine's vision stage in the live worker, the floor plan's fields of
// view, the Cameras view — reads the store through this, so they cannot disagree.
import type { StoredCameraCalibration } from '../../db';
import type { Camera, StoreModel } from '../../store/schema';

/** The camera placed by a calibration made here: the homography, not the installer's nominal pose. */
export function calibratedCamera(camera: Camera, homography: number[]): Camera {
  const { pose: _pose, ...rest } = camera;
  return { ...rest, floorHomography: [...homography] };
}

/** The store with each calibrated camera placed by its saved homography (the same object when none is). */
export function withCameraCalibrations(store: StoreModel, calibrations: readonly Pick<StoredCameraCalibration, 'camera' | 'homography'>[]): StoreModel {
  if (calibrations.length === 0) return store;
  const byCamera = new Map(calibrations.map((c) => [c.camera, c.homography]));
  return { ...store, cameras: store.cameras.map((camera) => (byCamera.has(camera.id) ? calibratedCamera(camera, byCamera.get(camera.id)!) : camera)) };
}
