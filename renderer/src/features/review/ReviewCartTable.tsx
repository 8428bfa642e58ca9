// The cart as it stands after corrections, priced, and what changed since the engine's cart.
import type { ReviewSession } from '../../../../native-bridge/contract';
import { useMoneyIn } from './review-hooks';
import { cartChanges, type NameOf } from './review-selectors';

export function ReviewCartTable({ session, name }: { session: ReviewSession; name: NameOf }) {
  const money = useMoneyIn(session.currency);
  const changes = cartChanges(session.engineCart, session.cart);
  return (
    <section className="panel" aria-labelledby="review-cart-title">
      <h3 id="review-cart-title" className="panel__subtitle">
        Cart {changes.length > 0 ? '(corrected)' : '(as the engine decided)'}
      </h3>
      {session.lines.length === 0 ? (
        <p className="review__muted" data-testid="review-cart-empty">
          Empty: nothing will be charged.
        </p>
      ) : (
        <table className="review__table" data-testid="review-cart">
          <thead>
            <tr>
              <th>Product</th>
              <th>Qty</th>
              <th>Unit</th>
              <th>Amount</th>
            </tr>
          </thead>
          <tbody>
            {session.lines.map((line) => (
              <tr key={line.sku} data-testid={`review-line-${line.sku}`}>
                <td>
                  {line.name} <span className="review__muted">{line.sku}</span>
                </td>
                <td>{line.quantity}</td>
                <td>{money(line.unitPriceMinor)}</td>
                <td>{money(line.amountMinor)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={3}>Total</th>
              <th data-testid="review-total">{money(session.totalMinor)}</th>
            </tr>
          </tfoot>
        </table>
      )}
      {changes.length > 0 ? (
        <p className="review__muted" data-testid="review-cart-changes">
          The engine’s cart came to {money(session.engineTotalMinor)}. Changed:{' '}
          {changes.map((c) => `${name(c.sku)} ${c.before} → ${c.after}`).join('; ')}.
        </p>
      ) : null}
    </section>
  );
}
