// Camera sources and calibrations: each change is stored with its audit entry in one transaction,
// removal falls back to the store's files, and a calibration that is not 9 finite numbers is
// refused without writing anything.
import { describe, expect, it } from 'vitest';
import { openStoreDatabase } from './open';
import { tempDbPath } from './test-support';

const homography = [0.01, 0, -1, 0, 0.01, -2, 0, 0.0001, 1];

describe('cameraSettings', () => {
  it('stores a source and a calibration with their audit entries, and removes them again', () => {
    const db = openStoreDatabase(tempDbPath(), { storeId: 'demo-store' });
    const { source, audit } = db.cameraSettings.setSource({ camera: 'cam-25', source: { kind: 'file', url: '/v/a.mp4' }, actor: 'mgr', reason: 'demo clip', at: 1000, before: { kind: 'simulated', url: 'sim://cam-25', from: 'store' } });
    expect(source).toEqual({ camera: 'cam-25', kind: 'file', url: '/v/a.mp4', updatedMs: 1000, updatedBy: 'mgr', auditId: audit.id });
    expect(audit).toMatchObject({ action: 'camera.source', subject: 'camera:cam-25', reason: 'demo clip', before: { kind: 'simulated', url: 'sim://cam-25', from: 'store' }, after: { kind: 'file', url: '/v/a.mp4' } });

    const pairs = [{ image: [1, 2] as [number, number], floor: [3, 4] as [number, number] }];
    const saved = db.cameraSettings.setCalibration({ camera: 'cam-25', calibration: { homography, pairs, rmsM: 0.03, maxM: 0.05 }, actor: 'mgr', reason: 'new mount', at: 2000, before: null });
    expect(db.cameraSettings.calibrations()).toEqual([saved.calibration]);
    expect(saved.calibration).toMatchObject({ homography, pairs, rmsM: 0.03, maxM: 0.05, updatedBy: 'mgr' });

    db.cameraSettings.setSource({ camera: 'cam-25', source: null, actor: 'mgr', reason: 'clip removed', at: 3000, before: { kind: 'file', url: '/v/a.mp4', from: 'app' } });
    db.cameraSettings.setCalibration({ camera: 'cam-25', calibration: null, actor: 'mgr', reason: 'camera moved', at: 4000, before: null });
    expect(db.cameraSettings.sources()).toEqual([]);
    expect(db.cameraSettings.calibrations()).toEqual([]);
    expect(db.audit.list({ limit: 10, subject: 'camera:cam-25' }).map((e) => e.action)).toEqual(['camera.calibrate', 'camera.source', 'camera.calibrate', 'camera.source']);
    expect(db.audit.verify()).toEqual({ ok: true, entries: 4 });
    db.close();
  });

  it('refuses a calibration with a non-finite entry and writes no audit entry for it', () => {
    const db = openStoreDatabase(tempDbPath(), { storeId: 'demo-store' });
    const bad = { homography: [...homography.slice(0, 8), Number.NaN], pairs: [], rmsM: 0, maxM: 0 };
    expect(() => db.cameraSettings.setCalibration({ camera: 'cam-1', calibration: bad, actor: 'mgr', reason: 'x', at: 1, before: null })).toThrow(/9 finite homography entries/);
    expect(db.audit.verify()).toEqual({ ok: true, entries: 0 });
    db.close();
  });
});
