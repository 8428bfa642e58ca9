// Keyboard shortcuts while a replay is shown: Space play/pause, ←/→ seek 5 s (Shift: 1 s),
// ,/. previous/next moment, −/+ slower/faster, Home/End start/end. Ignored while typing in a field.
import { useEffect } from 'react';
import type { AppStore } from '../../state/app-store';

export const replayShortcuts: readonly [string, string][] = [
  ['Space', 'play / pause'],
  ['← →', 'back / forward 5 s (Shift: 1 s)'],
  [', .', 'previous / next moment'],
  ['− +', 'slower / faster'],
  ['Home End', 'start / end'],
];

const sliderKeys = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End']);

/** Keys a focused field handles itself: all of them in a text field, the arrows and Home/End on the seek slider. */
function fieldTakes(target: EventTarget | null, key: string): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  if (element.tagName === 'INPUT' && (element as HTMLInputElement).type === 'range') return sliderKeys.has(key);
  return element.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(element.tagName);
}

export function useReplayKeys(api: AppStore, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || fieldTakes(event.target, event.key)) return;
      const replay = api.getState().replay;
      const step = event.shiftKey ? 1000 : 5000;
      const actions: Record<string, () => void> = {
        ' ': replay.togglePlay,
        ArrowLeft: () => replay.seekBy(-step),
        ArrowRight: () => replay.seekBy(step),
        ',': () => replay.stepMoment(-1),
        '.': () => replay.stepMoment(1),
        '-': () => replay.changeSpeed(-1),
        '+': () => replay.changeSpeed(1),
        '=': () => replay.changeSpeed(1),
        Home: () => replay.seek(-Infinity),
        End: () => replay.seek(Infinity),
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [api, enabled]);
}
