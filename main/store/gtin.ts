// GTIN (EAN-8, UPC-A, EAN-13, GTIN-14) check digits. Pure: the loader rejects mistyped codes with
// it, and the demo generator uses it to mint valid ones.

/** The check digit for a code's leading digits (everything but the check digit). */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  // Weights alternate 3, 1, … starting from the digit next to the check digit.
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** True when every character is a digit and the last one is the right check digit. */
export function isValidGtin(code: string): boolean {
  if (!/^\d{8}$|^\d{12,14}$/.test(code)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

/** Appends the check digit. */
export function withGtinCheckDigit(body: string): string {
  return body + String(gtinCheckDigit(body));
}
