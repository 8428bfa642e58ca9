// The floor plan as the renderer draws it: the layout plus what the renderer cannot compute itself
// (it never imports main/), such as each camera's field of view projected onto the floor — with the
// camera placed by its saved calibration where it has one, so the plan shows what the engine uses.
import type { CameraOnPlan, FloorPlan } from '../../native-bridge/contract/dto';
import type { StoredCameraCalibration } from '../db';
import { withCameraCalibrations } from '../devices/cameras/calibrated-store';
import { cameraFieldOfView, cameraFrame } from '../store/geometry';
import type { StoreModel } from '../store/schema';

export interface FloorPlanService {
  floorPlan(): FloorPlan;
}

/** `calibrations` is read on every call: a calibration saved in Devices → Cameras shows at once. */
export function createFloorPlanService(store: StoreModel, calibrations: () => readonly StoredCameraCalibration[] = () => []): FloorPlanService {
  const shelves = store.layout.fixtures.flatMap((fixture) => fixture.shelves);
  const counts: FloorPlan['counts'] = {
    fixtures: store.layout.fixtures.length,
    shelves: shelves.length,
    plates: shelves.reduce((sum, shelf) => sum + shelf.plates.length, 0),
    cameras: store.cameras.length,
    products: store.catalog.length,
  };
  const camerasOnPlan = (model: StoreModel): CameraOnPlan[] =>
    model.cameras.map((camera) => {
      // A camera placed only by a floor homography still has a centre: the one it implies.
      const position = cameraFrame(camera)?.center ?? camera.pose?.position ?? [0, 0, 0];
      return {
        id: camera.id,
        name: camera.name,
        position: [position[0], position[1]],
        heightM: position[2],
        fieldOfView: cameraFieldOfView(camera, model.layout.floor),
      };
    });
  return { floorPlan: () => ({ layout: store.layout, cameras: camerasOnPlan(withCameraCalibrations(store, calibrations())), counts }) };
}
