// The Replay view (shopper replay) — not built yet. It says what it will do and shows no data until it exists.
import { NotBuiltPanel } from '../../ui/NotBuiltPanel';

const willDo = [
  'show the session’s path on the floor map, with its shelf events along a timeline',
  'show the evidence behind each decision: weight changes, camera detections and the attribution that followed',
  'show camera stills where they were recorded',
  'play, pause, seek and change speed, reproducing the recorded decisions exactly',
] as const;

export function ReplayView() {
  return (
    <NotBuiltPanel
      title="Replay"
      summary="Shopper replay: one session on a timeline, with the evidence behind every decision the engine made."
      willDo={willDo}
    />
  );
}
