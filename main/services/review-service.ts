// Review for the UI: the desk (main/review) behind the API, the acting user taken from the call's
// connection (never from the client's input), so every audit entry names who really acted.
import type { ApiHandlers } from '../../native-bridge/contract/api';
import { callerOf } from '../../native-bridge/contract/auth';
import type { ReviewDesk } from '../review/review-desk';

type ReviewHandlers = Pick<
  ApiHandlers,
  'getReviewQueue' | 'getReviewSession' | 'correctCart' | 'undoCorrection' | 'approveSession' | 'waiveSession' | 'refundSession' | 'verifyAuditChain'
>;

export function reviewHandlers(desk: ReviewDesk): ReviewHandlers {
  return {
    getReviewQueue: async (page) => desk.queue(page),
    getReviewSession: async ({ sessionId }) => desk.session(sessionId),
    correctCart: async (request, context) => desk.correct(request, callerOf(context).username),
    undoCorrection: async ({ sessionId }, context) => desk.undo(sessionId, callerOf(context).username),
    approveSession: (request, context) => desk.approve(request, callerOf(context).username),
    waiveSession: (request, context) => desk.waive(request, callerOf(context).username),
    refundSession: (request, context) => desk.refund(request, callerOf(context).username),
    verifyAuditChain: async () => desk.verifyAudit(),
  };
}
