// The Review view's state: the queue of held sessions, the session open for review, and the
// reviewer's commands — correct, undo, approve, waive (close without charge), refund — each one call the host checks, performs
// and audits. The host's answer (the session as it now stands) replaces what is shown, so the page
// never guesses; the queue is re-read after a change because an approval or a waiver takes a session off it.
import type { AuditChainCheck, CartItem, CorrectionActionRequest, CorrectionReason, PaymentStatus, ReviewQueue, ReviewSession, WaiveDecision } from '../../../../native-bridge/contract';
import type { StoreDeps } from '../../state/deps';
import { idle, toErrorInfo, type ErrorInfo, type LoadState } from '../../state/load-state';
import type { SliceApi } from '../../state/slice';

export const QUEUE_PAGE = 50;

export interface ReviewState {
  queue: LoadState<ReviewQueue>;
  /** The session key open on the right, or null. */
  selected: string | null;
  session: LoadState<ReviewSession>;
  /** A command on its way to the host: what it is, for the button that shows progress. */
  busy: 'correct' | 'undo' | 'approve' | 'waive' | 'refund' | null;
  /** The last command's refusal (a conflict, a lost connection), shown above the session. */
  commandError: ErrorInfo | null;
  notice: string | null;
  audit: LoadState<AuditChainCheck>;
}

export interface ReviewActions {
  loadQueue: () => Promise<void>;
  open: (sessionId: string) => Promise<void>;
  close: () => void;
  correct: (action: CorrectionActionRequest, reason: CorrectionReason, note: string) => Promise<boolean>;
  undo: () => Promise<boolean>;
  approve: (note: string) => Promise<boolean>;
  waive: (decision: WaiveDecision) => Promise<boolean>;
  refund: (items: CartItem[], reason: CorrectionReason, note: string) => Promise<boolean>;
  verifyAudit: () => Promise<void>;
  reset: () => void;
}

export type ReviewSlice = ReviewState & ReviewActions;

/** What became of a decision's payment, in words: the decision stands even when the payment failed. */
export function paymentNotice(what: string, payment: PaymentStatus | undefined, retry = ''): string {
  if (!payment) return `${what}.`;
  if (payment.state === 'issued') return `${what}: sent to the payment adapter${payment.reference ? ` (${payment.reference})` : ''}.`;
  if (payment.state === 'failed') return `${what}, but the payment did not go through: ${payment.error ?? 'unknown error'}.${retry ? ` ${retry}` : ''}`;
  return `${what}: the payment is on its way.`;
}

/** What became of a waiver: nothing is charged either way; the payment side closes the held receipt. */
export function waiveNotice(payment: PaymentStatus | undefined): string {
  if (payment?.state === 'failed') return `Closed without charge, but the payment side did not record it: ${payment.error ?? 'unknown error'}. Close it again to retry.`;
  if (payment?.state === 'issued') return `Closed without charge: the receipt is closed and nothing is charged${payment.reference ? ` (${payment.reference})` : ''}.`;
  return 'Closed without charge: the payment side is being told.';
}

export function initialReviewState(): ReviewState {
  return { queue: idle, selected: null, session: idle, busy: null, commandError: null, notice: null, audit: idle };
}

export function createReviewSlice({ set, get }: SliceApi<ReviewSlice>, { client }: StoreDeps): ReviewSlice {
  // Only the latest queue read and the latest session read may write their answers.
  let queueRequest = 0;
  let sessionRequest = 0;

  const loadQueue = async (): Promise<void> => {
    const mine = ++queueRequest;
    if (get().queue.status !== 'ready') set({ queue: { status: 'loading' } });
    try {
      const data = await client.call('getReviewQueue', { limit: QUEUE_PAGE, offset: 0 });
      if (mine === queueRequest) set({ queue: { status: 'ready', data } });
    } catch (error) {
      if (mine === queueRequest) set({ queue: { status: 'error', error: toErrorInfo(error) } });
    }
  };

  /** Sends one command about the open session; its answer becomes the session shown. */
  const command = async (
    busy: NonNullable<ReviewState['busy']>,
    call: (sessionId: string) => Promise<ReviewSession>,
    notice: (answer: ReviewSession) => string,
  ): Promise<boolean> => {
    const sessionId = get().selected;
    if (!sessionId || get().busy) return false;
    set({ busy, commandError: null, notice: null });
    sessionRequest++;
    try {
      const data = await call(sessionId);
      if (get().selected === sessionId) set({ session: { status: 'ready', data }, notice: notice(data) });
      set({ busy: null, audit: idle });
      void loadQueue();
      return true;
    } catch (error) {
      set({ busy: null, commandError: toErrorInfo(error) });
      return false;
    }
  };

  return {
    ...initialReviewState(),
    loadQueue,

    open: async (sessionId) => {
      const mine = ++sessionRequest;
      set({ selected: sessionId, session: { status: 'loading' }, commandError: null, notice: null });
      try {
        const data = await client.call('getReviewSession', { sessionId });
        if (mine === sessionRequest) set({ session: { status: 'ready', data } });
      } catch (error) {
        if (mine === sessionRequest) set({ session: { status: 'error', error: toErrorInfo(error) } });
      }
    },

    close: () => {
      sessionRequest++;
      set({ selected: null, session: idle, commandError: null, notice: null });
    },

    correct: (action, reason, note) =>
      command('correct', (sessionId) => client.call('correctCart', { sessionId, action, reason, note }), () => 'Correction saved. It can be undone until the session is approved.'),

    undo: () => command('undo', (sessionId) => client.call('undoCorrection', { sessionId }), () => 'Last correction undone.'),

    approve: (note) => command('approve', (sessionId) => client.call('approveSession', { sessionId, note }), (answer) => paymentNotice('Approved', answer.approval?.payment, 'Approve again to retry it.')),

    waive: (decision) => command('waive', (sessionId) => client.call('waiveSession', { sessionId, ...decision }), (answer) => waiveNotice(answer.waiver?.payment)),

    refund: (items, reason, note) =>
      command('refund', (sessionId) => client.call('refundSession', { sessionId, items, reason, note }), (answer) => paymentNotice('Refund recorded', answer.refunds.at(-1)?.payment)),

    verifyAudit: async () => {
      set({ audit: { status: 'loading' } });
      try {
        set({ audit: { status: 'ready', data: await client.call('verifyAuditChain', {}) } });
      } catch (error) {
        set({ audit: { status: 'error', error: toErrorInfo(error) } });
      }
    },

    reset: () => {
      queueRequest++;
      sessionRequest++;
      set(initialReviewState());
    },
  };
}
