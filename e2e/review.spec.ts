// Review end to end on the real host with the simulator (global setup starts it at 10× real time):
// a session the engine held appears in the queue; a reviewer opens it, moves a shelf event to
// nobody and undoes it, changes a line's quantity, approves the corrected cart (its charge goes to
// the payment outbox), refunds one unit, and the audit log still verifies. Another held session is
// closed without charge (a waiver, with its reason and note). What the page shows is checked against what the host answers over its API.
import { expect, test } from '@playwright/test';
import type { ReviewQueue, ReviewQueueItem, ReviewSession } from '../native-bridge/contract';
import { callHost, hostUrl } from './live-helpers';

const reviewUrl = () => {
  const url = new URL(hostUrl());
  url.hash = '#/review';
  return url.toString();
};

/** A held session of a shopper with an account (one that can be charged) and something in its cart: the simulated store holds a few within a minute or two. */
async function heldSessionWithLines(): Promise<ReviewSession> {
  let found: ReviewSession | undefined;
  await expect
    .poll(
      async () => {
        const queue = await callHost<ReviewQueue>('getReviewQueue', { limit: 200 });
        for (const item of queue.items.filter((i) => i.units > 0 && !i.anonymous)) {
          const session = await callHost<ReviewSession>('getReviewSession', { sessionId: item.sessionId });
          if (session.cart.lines.length > 0 && session.events.some((e) => e.owner === session.sessionId)) found = session;
          if (found) break;
        }
        return found !== undefined;
      },
      { timeout: 200_000, intervals: [3000] },
    )
    .toBe(true);
  return found!;
}

test('a reviewer corrects a held session, undoes a change, approves the corrected cart, refunds a unit, and the audit log verifies', async ({ page }) => {
  test.setTimeout(300_000);
  const held = await heldSessionWithLines();
  const id = held.sessionId;
  // Tall enough that the screenshots show the whole session, not one scrolled slice of it.
  await page.setViewportSize({ width: 1440, height: 2200 });

  await page.goto(reviewUrl());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review', { timeout: 30_000 });
  const item = page.getByTestId(`review-item-${id}`);
  await expect(item).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/screenshots/review-queue.png' });

  await item.click();
  await expect(page).toHaveURL(new RegExp(`#/review/${id.replace('.', '\\.')}$`));
  const session = page.getByTestId('review-session');
  await expect(session).toBeVisible();
  await expect(page.getByTestId('review-status')).toHaveText('held for review');
  await expect(page.getByTestId('review-flags')).toContainText(held.flags[0]!.detail);
  const total = page.getByTestId('review-total');
  const totalBefore = await total.textContent();

  // Move one of its shelf events to nobody (staff), see the cart lose it, then undo.
  const event = held.events.find((e) => e.owner === id)!;
  const card = page.getByTestId(`review-event-${event.id}`);
  await card.getByTestId(`move-target-${event.id}`).selectOption({ label: 'Charge to nobody (staff, not a shopper)' });
  await card.getByTestId(`move-${event.id}-reason`).selectOption('staff-or-restock');
  await card.getByTestId(`move-${event.id}-note`).fill('e2e: a member of staff was restocking');
  await card.getByTestId(`move-apply-${event.id}`).click();
  await expect(page.getByTestId('review-notice')).toContainText('Correction saved');
  await expect(card.getByTestId('review-event-owner')).toHaveText('nobody');
  await expect(page.getByTestId('correction-1')).toContainText(`Moved event ${event.id}`);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('review-notice')).toHaveText('Last correction undone.');
  await expect(page.getByTestId(`review-event-${event.id}`).getByTestId('review-event-owner')).toHaveText(id);
  await expect(total).toHaveText(totalBefore!);

  // Change the quantity of its first line: one more than the engine counted.
  const line = held.cart.lines[0]!;
  const product = held.lines.find((l) => l.sku === line.sku)!;
  const form = page.getByTestId('correction-form');
  await form.getByTestId('edit-change-quantity').check();
  await form.getByTestId('edit-line').selectOption(line.sku);
  await form.getByTestId('edit-quantity').fill(String(line.quantity + 1));
  await form.getByTestId('edit-note').fill('e2e: the video shows one more');
  await expect(form.getByTestId('edit-preview')).toContainText(`${line.quantity + 1} × ${product.name}`);
  await form.getByTestId('edit-apply').click();
  await expect(page.getByTestId(`review-line-${line.sku}`)).toContainText(String(line.quantity + 1));
  await expect(page.getByTestId('review-cart-changes')).toContainText(`${product.name} ${line.quantity} → ${line.quantity + 1}`);
  await expect(total).not.toHaveText(totalBefore!);
  await page.getByTestId('review-status').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/review-corrected.png' });

  // Approve: the receipt goes to the payment port; the session leaves the queue and cannot be changed.
  await page.getByTestId('approve-note').fill('e2e: checked against the video');
  await page.getByTestId('approve').click();
  await expect(page.getByTestId('review-status')).toHaveText('approved');
  await expect(page.getByTestId('approval')).toContainText('e2e: checked against the video');
  await expect(page.getByTestId('approval-payment')).toHaveText(/^sent to payment/);
  await expect(page.getByTestId('correction-form')).toHaveCount(0);
  await expect(page.getByTestId(`review-item-${id}`)).toHaveCount(0, { timeout: 15_000 });

  // A refund after the charge: one unit of the corrected line, through the same payment port.
  const refund = page.getByTestId('refund-form');
  await refund.getByLabel('Line to refund').selectOption(line.sku);
  await refund.getByTestId('refund-reason').selectOption('customer-dispute');
  await refund.getByTestId('refund-note').fill('e2e: one was damaged');
  await refund.getByTestId('refund').click();
  await expect(page.getByTestId('review-notice')).toContainText('Refund recorded');
  await expect(page.getByTestId('refunds')).toContainText(`1 × ${product.name}`);

  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-result')).toHaveText(/^Intact: \d+ entries/);
  await page.screenshot({ path: 'test-results/screenshots/review-approved.png' });

  // The host agrees: who did what, in order, each with its reason, hash-chained.
  const after = await callHost<ReviewSession>('getReviewSession', { sessionId: id });
  expect(after.status).toBe('approved');
  expect(after.approval!.lines.find((l) => l.sku === line.sku)!.quantity).toBe(line.quantity + 1);
  expect(after.audit.map((e) => e.action)).toEqual(['review.correct', 'review.undo', 'review.correct', 'review.approve', 'review.refund']);
  expect(after.refunds).toEqual([expect.objectContaining({ totalMinor: product.unitPriceMinor, payment: expect.objectContaining({ state: 'issued' }) })]);
  expect(after.audit[0]!.reason).toBe('staff-or-restock: e2e: a member of staff was restocking');
  expect(new Set(after.audit.map((e) => e.actor)).size).toBe(1);
  await expect(callHost('correctCart', { sessionId: id, action: { type: 'add-line', sessionId: id, sku: line.sku, quantity: 1 }, reason: 'missed-item', note: '' })).rejects.toThrow(/already approved/);
});

test('the review page says when a session does not exist', async ({ page }) => {
  const url = new URL(hostUrl());
  url.hash = '#/review/r99.S1';
  await page.goto(url.toString());
  await expect(page.getByTestId('review-session-error')).toContainText('no session r99.S1');
});

test('a reviewer closes a held session without charge: the reason is required, the queue drops it, and the audit log has it', async ({ page }) => {
  test.setTimeout(300_000);
  // A tailgater's session when the simulated store held one (it has no account to charge), else a
  // shopper's, which the reviewer must let go uncharged on purpose.
  let item: ReviewQueueItem | undefined;
  await expect
    .poll(
      async () => {
        const queue = await callHost<ReviewQueue>('getReviewQueue', { limit: 200 });
        item = queue.items.find((i) => i.anonymous) ?? queue.items[0];
        return item !== undefined;
      },
      { timeout: 200_000, intervals: [3000] },
    )
    .toBe(true);
  const id = item!.sessionId;
  const held = await callHost<ReviewSession>('getReviewSession', { sessionId: id });
  // Flags name sessions by key (r1.S6), as the rest of the page does, never by the engine's bare id.
  for (const flag of held.flags) expect(flag.detail).not.toMatch(/(^|[\s(,])[SA]\d+(?=$|[\s),;:.])/);

  await page.setViewportSize({ width: 1440, height: 2200 });
  const url = new URL(hostUrl());
  url.hash = `#/review/${id}`;
  await page.goto(url.toString());
  await expect(page.getByTestId('review-status')).toHaveText('held for review', { timeout: 30_000 });
  const form = page.getByTestId('waive-form');
  const waive = form.getByTestId('waive');
  if (held.anonymous) {
    await expect(page.getByTestId('approve-unavailable')).toBeVisible();
    await form.getByTestId('waive-reason').selectOption('no-account');
  } else {
    await form.getByTestId('waive-reason').selectOption('goodwill');
  }
  await expect(waive).toBeDisabled();
  await form.getByTestId('waive-note').fill('e2e: nobody to charge for this visit');
  if (!held.anonymous) {
    await expect(waive).toBeDisabled();
    await form.getByTestId('waive-account-confirm').check();
  }
  await waive.click();

  await expect(page.getByTestId('review-status')).toHaveText('closed without charge');
  await expect(page.getByTestId('review-notice')).toContainText('Closed without charge');
  await expect(page.getByTestId('waiver')).toContainText('e2e: nobody to charge for this visit');
  await expect(page.getByTestId('waiver-payment')).toHaveText(/^receipt closed, nothing charged/);
  await expect(page.getByTestId('correction-form')).toHaveCount(0);
  await expect(page.getByTestId('approval-box')).toHaveCount(0);
  await expect(page.getByTestId(`review-item-${id}`)).toHaveCount(0, { timeout: 15_000 });
  await page.screenshot({ path: 'test-results/screenshots/review-waived.png' });

  const after = await callHost<ReviewSession>('getReviewSession', { sessionId: id });
  expect(after).toMatchObject({ status: 'waived', editable: false, waiver: { reason: held.anonymous ? 'no-account' : 'goodwill', payment: { state: 'issued' } } });
  expect(after.audit.at(-1)).toMatchObject({ action: 'review.waive', reason: expect.stringContaining('e2e: nobody to charge') });
  await expect(callHost('approveSession', { sessionId: id, note: '' })).rejects.toThrow(/closed without charge/);
});
