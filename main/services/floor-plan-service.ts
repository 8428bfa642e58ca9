// The floor plan as the renderer draws it: the layout plus what the renderer cannot compute itself
// (it never imports main/), such as each camera's field of view projected onto the floor.
import type { CameraOnPlan, FloorPlan } from '../../native-bridge/contract/dto';
import { cameraFieldOfView, cameraFrame } from '../store/geometry';
import type { StoreModel } from '../store/schema';

export interface FloorPlanService {
  floorPlan(): FloorPlan;
}

export function createFloorPlanService(store: StoreModel): FloorPlanService {
  const cameras: CameraOnPlan[] = store.cameras.map((camera) => {
    // A camera placed only by a floor homography still has a centre: the one it implies.
    const position = cameraFrame(camera)?.center ?? camera.pose?.position ?? [0, 0, 0];
    return {
      id: camera.id,
      name: camera.name,
      position: [position[0], position[1]],
      heightM: position[2],
      fieldOfView: cameraFieldOfView(camera, store.layout.floor),
    };
  });
  const shelves = store.layout.fixtures.flatMap((fixture) => fixture.shelves);
  const plan: FloorPlan = {
    layout: store.layout,
    cameras,
    counts: {
      fixtures: store.layout.fixtures.length,
      shelves: shelves.length,
      plates: shelves.reduce((sum, shelf) => sum + shelf.plates.length, 0),
      cameras: store.cameras.length,
      products: store.catalog.length,
    },
  };
  return { floorPlan: () => plan };
}
