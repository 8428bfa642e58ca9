// The devices that are down, in words, in the map's side column: what, since when, why, and for a
// shelf controller how many plates it takes with it. Says so plainly when all is well, and when
// the host reports no device health at all.
import { useMemo } from 'react';
import { dataOf } from '../../../state/load-state';
import { useAppStore } from '../../../state/StoreContext';
import { deviceOverlay } from './device-overlay';
import { usePlanNames } from './live-hooks';
import { formatTimeOfDay } from './live-selectors';
import './live.css';

export function DeviceHealthList() {
  const devices = useAppStore((state) => state.liveFloor.devices);
  const hasFrame = useAppStore((state) => state.liveFloor.frame !== null && state.liveFloor.frame.source !== 'none');
  const plan = useAppStore((state) => dataOf(state.floorMap.plan));
  const timeZone = useAppStore((state) => dataOf(state.shell.system)?.store.timezone);
  const names = usePlanNames();
  const overlay = useMemo(() => (plan ? deviceOverlay(plan, devices) : null), [plan, devices]);
  if (!hasFrame) return null;
  return (
    <section className="side-section device-health" aria-labelledby="device-health-title" data-testid="device-health">
      <h3 id="device-health-title" className="side-section__title">
        Device health
      </h3>
      {!devices ? (
        <p className="device-health__note">This host reports no device health.</p>
      ) : devices.faults.length === 0 ? (
        <p className="device-health__note device-health__note--ok" data-testid="device-health-ok">
          All {devices.online} devices reporting.
        </p>
      ) : (
        <ul className="device-health__list">
          {devices.faults.map((fault) => {
            const plates = overlay?.platesByDevice[fault.device];
            return (
              <li key={fault.device} className="device-health__item" data-testid="device-fault" data-device={fault.device}>
                <span className="device-health__name">{names.device(fault.kind, fault.device)}</span>
                <span className="device-health__state">
                  {fault.state === 'error' ? 'error' : 'offline'} since {formatTimeOfDay(fault.since, timeZone)}
                  {fault.detail ? ` · ${fault.detail}` : ''}
                  {plates ? ` · ${plates} plates not weighing` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
