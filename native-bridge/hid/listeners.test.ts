import { afterEach, describe, expect, it, vi } from 'vitest';
import { Listeners } from './listeners';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('HID listener sets', () => {
  it('reach every listener with the arguments, in the order they were added', () => {
    const listeners = new Listeners<[string, number]>();
    const heard: string[] = [];
    listeners.add((a, b) => heard.push(`first ${a} ${b}`));
    listeners.add((a, b) => heard.push(`second ${a} ${b}`));
    listeners.emit('SHC-0001', 3);
    expect(heard).toEqual(['first SHC-0001 3', 'second SHC-0001 3']);
  });

  it('log a throwing listener, neutrally, and still reach the others', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const listeners = new Listeners<[string]>();
    const heard: string[] = [];
    listeners.add(() => {
      throw new Error('consumer bug');
    });
    listeners.add((code) => heard.push(code));
    expect(() => listeners.emit('WO1.token')).not.toThrow();
    expect(heard).toEqual(['WO1.token']);
    expect(logged).toHaveBeenCalledOnce();
    expect(logged.mock.calls[0]![0]).toBe('HID event listener failed:');
    expect(logged.mock.calls[0]![1]).toMatchObject({ message: 'consumer bug' });
  });

  it('let a listener unsubscribe while an event goes round, and stop after clear', () => {
    const listeners = new Listeners<[]>();
    let calls = 0;
    const off = listeners.add(() => {
      calls++;
      off();
    });
    listeners.add(() => calls++);
    listeners.emit();
    listeners.emit();
    expect(calls).toBe(3);
    listeners.clear();
    listeners.emit();
    expect(calls).toBe(3);
  });
});
