// Public API of the sensor models: a SimWorld rendered into the engine inputs real shelves,
// cameras and gates would have produced, with their imperfections.
export { createSensorRender, renderInputs, renderInputsTo } from './render';
export type { SensorRender } from './render';
export { checkSensorConfig, defaultSensorConfig, sensorConfig, SensorConfigError } from './config';
export type { OfflineEvent, SensorConfig } from './config';
export { trueLoadAt } from './plate-truth';
export type { PlateStep, PlateTruth, PlateWorldTruth, Straddle } from './plate-truth';
export type { OutageWindows } from './outages';
export { staffActor } from './staff';
export { benchSensors } from './bench';
export type { SensorBenchResult } from './bench';
