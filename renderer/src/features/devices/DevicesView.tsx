// The Devices page: one tab per kind of device. Shelves (plates, live weights, tare and calibrate)
// lives here; another kind plugs in by adding its tab to `deviceTabs` (cameras: devices/cameras/).
import { useState, type ComponentType } from 'react';
import { CamerasTab } from './cameras/CamerasTab';
import { ShelvesTab } from './ShelvesTab';
import './devices.css';

export interface DeviceTab {
  id: string;
  label: string;
  component: ComponentType;
}

export const deviceTabs: readonly DeviceTab[] = [
  { id: 'shelves', label: 'Shelves', component: ShelvesTab },
  { id: 'cameras', label: 'Cameras', component: CamerasTab },
];

export function DevicesView() {
  const [tabId, setTabId] = useState(deviceTabs[0]!.id);
  const tab = deviceTabs.find((t) => t.id === tabId) ?? deviceTabs[0]!;
  const Tab = tab.component;
  return (
    <section className="page page--devices" aria-labelledby="page-title">
      <header className="page__header">
        <h1 id="page-title" className="page__title">
          Devices
        </h1>
        <div role="tablist" aria-label="Kinds of device" className="devices__tabs">
          {deviceTabs.map((t) => (
            <button key={t.id} type="button" role="tab" aria-selected={t.id === tab.id} className={`devices__tab ${t.id === tab.id ? 'devices__tab--active' : ''}`} onClick={() => setTabId(t.id)}>
              {t.label}
            </button>
          ))}
        </div>
      </header>
      <div role="tabpanel" aria-label={tab.label} className="devices">
        <Tab />
      </div>
    </section>
  );
}
