// The payment port while no payment adapter is configured: it refuses, so an approval is recorded
// (and audited) with its payment marked failed and the reason shown, instead of pretending a charge
// went out. Approving again retries once an adapter is connected.
import type { ReceiptIssuer } from './receipt-issuer';

export function unconnectedIssuer(): ReceiptIssuer {
  const refuse = async (): Promise<never> => {
    throw new Error('no payment adapter is connected to this store');
  };
  return { issueReviewed: refuse, refund: refuse };
}
