import { describe, expect, it } from 'vitest';
import { cameraStateLabel, cameraToStill, detectorText, figuresText, hasVideo, metresText, selectCamerasPhase, stillToCamera } from './cameras-selectors';
import { sampleCamera, sampleOverview, videoCamera } from './cameras-test-data';

describe('cameras selectors', () => {
  it('picks the panel: waiting for the link, loading, error, no cameras, ready', () => {
    expect(selectCamerasPhase({ overview: { status: 'idle' } }, 'connecting')).toEqual({ kind: 'waiting' });
    expect(selectCamerasPhase({ overview: { status: 'idle' } }, 'open')).toEqual({ kind: 'loading' });
    expect(selectCamerasPhase({ overview: { status: 'loading' } }, 'open')).toEqual({ kind: 'loading' });
    const error = { code: 'forbidden' as const, message: 'listCameras: the analyst role may not do this' };
    expect(selectCamerasPhase({ overview: { status: 'error', error } }, 'open')).toEqual({ kind: 'error', error });
    expect(selectCamerasPhase({ overview: { status: 'ready', data: sampleOverview([]) } }, 'open')).toEqual({ kind: 'empty' });
    const overview = sampleOverview();
    expect(selectCamerasPhase({ overview: { status: 'ready', data: overview } }, 'closed')).toEqual({ kind: 'ready', overview });
  });

  it('says each state in words with a tone', () => {
    expect(cameraStateLabel('simulated')).toEqual({ label: 'simulated (no video)', tone: 'muted' });
    expect(cameraStateLabel('offline').tone).toBe('bad');
    expect(cameraStateLabel('running').tone).toBe('ok');
  });

  it('writes a captured camera\'s figures, and nothing for a simulated one', () => {
    expect(figuresText(videoCamera('c'))).toBe('9.5 fps processed of 10.0 captured · 12 dropped · 31 ms/frame detection · 2 tracks');
    expect(figuresText(sampleCamera('c'))).toBeNull();
  });

  it('converts between still pixels and camera pixels both ways', () => {
    const camera = { resolution: { width: 1920, height: 1080 } };
    const still = { width: 640, height: 360 };
    expect(stillToCamera([320, 180], still, camera)).toEqual([960, 540]);
    expect(cameraToStill(stillToCamera([17, 33], still, camera), still, camera)).toEqual([17, 33]);
  });

  it('tells video cameras from simulated ones', () => {
    expect(hasVideo(videoCamera('c'))).toBe(true);
    expect(hasVideo(sampleCamera('c'))).toBe(false);
  });

  it('describes the detector, including why it is not running', () => {
    expect(detectorText({ state: 'ready', message: null, model: 'yolox_nano', provider: 'cpu' })).toEqual({ text: 'Detector yolox_nano on cpu', tone: 'ok' });
    expect(detectorText({ state: 'model-missing', message: 'model yolox_nano not found', model: 'yolox_nano', provider: null })).toEqual({
      text: 'Detector yolox_nano not running (model-missing): model yolox_nano not found',
      tone: 'bad',
    });
  });

  it('writes distances in centimetres under a metre', () => {
    expect(metresText(0.0432)).toBe('4.3 cm');
    expect(metresText(1.5)).toBe('1.50 m');
  });
});
