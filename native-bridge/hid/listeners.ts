// Listener sets for the HID adapters (weighing devices, scanners, the device supervisor): one
// listener that throws must not stop the others from hearing the event, nor the device's read loop
// that emitted it, so its error is logged and the emit goes on.
import type { Unsubscribe } from './transport';

export class Listeners<T extends unknown[]> {
  private readonly set = new Set<(...args: T) => void>();

  add(listener: (...args: T) => void): Unsubscribe {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  emit(...args: T): void {
    // A copy: a listener may unsubscribe itself, or another, while the event goes round.
    for (const listener of [...this.set]) {
      try {
        listener(...args);
      } catch (error) {
        console.error('HID event listener failed:', error);
      }
    }
  }

  clear(): void {
    this.set.clear();
  }
}
