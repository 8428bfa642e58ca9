// The Devices view — not built yet. It says what it will do and shows no data until it exists.
import { NotBuiltPanel } from '../../ui/NotBuiltPanel';

const willDo = [
  'show shelves and plates with live weight plots, with tare and calibration',
  'show cameras with stills and status, and calibrate a camera’s floor homography by clicking floor points',
  'show gate scanners and their status',
] as const;

export function DevicesView() {
  return (
    <NotBuiltPanel
      title="Devices"
      summary="The health and calibration of the store’s shelves, cameras and gate scanners."
      willDo={willDo}
    />
  );
}
