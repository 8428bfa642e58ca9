// The permission each API call needs. A table keyed by every method, so a new call does not
// type-check until someone has decided who may make it.
import type { ApiMethod } from './api';
import type { Permission } from './auth';

export const apiPermissions: { readonly [M in ApiMethod]: Permission } = {
  whoAmI: 'public',
  signIn: 'public',
  resumeSession: 'public',
  signOut: 'public',
  listUsers: 'manage',
  createUser: 'manage',
  updateUser: 'manage',
  resetPassword: 'manage',
  getSystemStatus: 'view',
  getFloorPlan: 'view',
  getAnalytics: 'view',
  exportTable: 'export',
  exportReport: 'export',
  getLiveSession: 'view',
  confirmAgeCheck: 'operate',
  getRestock: 'view',
  acknowledgeRestockAlert: 'operate',
  setRestockMode: 'operate',
  getReviewQueue: 'review',
  getReviewSession: 'review',
  correctCart: 'review',
  undoCorrection: 'review',
  approveSession: 'review',
  // Reviewers too, not managers only: a reviewer may already correct a cart down to nothing and
  // approve it, so holding waivers back would protect nothing; see review-desk.ts `waive`.
  waiveSession: 'review',
  refundSession: 'review',
  verifyAuditChain: 'review',
  searchSessions: 'view',
  getSessionReplay: 'view',
  getEventWeights: 'view',
  getDevices: 'view',
  watchShelfWeights: 'view',
  tarePlate: 'operate',
  calibratePlate: 'operate',
  zeroScale: 'operate',
  listCameras: 'view',
  getCameraStill: 'view',
  setCameraSource: 'operate',
  fitCameraHomography: 'operate',
  saveCameraCalibration: 'operate',
  clearCameraCalibration: 'operate',
};
