// What an entry gate says to the person in front of it, in words a shopper can act on: come in, or
// why not and what to do about it. One table for the gate's own screen (renderer) and the gate
// service's log (main), so staff reading the log see what the shopper was told. Nothing here names
// a person: a gate is a public screen.
import type { LiveRefusalReason } from './live-floor';

export interface GateWords {
  /** The big line. */
  headline: string;
  /** What to do next, one short sentence. */
  hint: string;
}

const refusals: Record<LiveRefusalReason, GateWords> = {
  // Not a Walkout code at all, or one whose signature does not check out (forged or tampered):
  // the shopper is told the same, since telling them which would help only a forger.
  malformed: { headline: 'This code isn’t valid here', hint: 'Open your entry code in the Walkout app and scan it again' },
  'bad-signature': { headline: 'This code isn’t valid here', hint: 'Open your entry code in the Walkout app and scan it again' },
  expired: { headline: 'This code has expired', hint: 'Refresh it in the app and scan again' },
  'not-yet-valid': { headline: 'This code isn’t valid yet', hint: 'Check the date and time on your phone, then refresh the code' },
  'wrong-store': { headline: 'This code is for another store', hint: 'Pick this store in the app to get its code' },
  reused: { headline: 'This code was already used', hint: 'Each code lets you in once — get a new one in the app' },
  'not-an-entry-gate': { headline: 'This gate is not an entrance', hint: 'Please scan your code at an entry gate' },
};

/** For a reason this build does not know (a newer host): still a refusal, and still something to do. */
export const unknownRefusalWords: GateWords = { headline: 'This code can’t be used here', hint: 'Please ask a member of staff for help' };

export function refusalWords(reason: string): GateWords {
  return Object.hasOwn(refusals, reason) ? refusals[reason as LiveRefusalReason] : unknownRefusalWords;
}

export function welcomeWords(groupSize: number): GateWords {
  return groupSize > 1 ? { headline: 'Welcome', hint: `${groupSize} of you — come on in together` } : { headline: 'Welcome', hint: 'Come on in' };
}

export const unreadableWords: GateWords = { headline: 'The code could not be read', hint: 'Please scan it again' };

export const tailgatingWords: GateWords = { headline: 'Please scan your code', hint: 'Everyone needs one (or a group code)' };

export const idleWords: GateWords = { headline: 'Scan your code to enter', hint: 'Hold the QR code from the Walkout app under the scanner' };

/** The words as one sentence, for a log line or a screen reader. */
export function gateSentence(words: GateWords): string {
  return `${words.headline}. ${words.hint}.`;
}
