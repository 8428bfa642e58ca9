// Entry tokens: what the shopper app's QR code carries. HMAC-SHA256 over the claims with the store's
// key, so the gate can check a token offline and the engine can re-check it on replay. Pure (the
// engine verifies tokens), hence @noble/hashes rather than node:crypto. Single use is the engine's
// job: it remembers nonces it has admitted.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export const tokenPrefix = 'WO1';

export interface EntryClaims {
  /** The shopper's account. */
  account: string;
  /** The store the token admits to. */
  store: string;
  issuedAtMs: number;
  expiresAtMs: number;
  /** Random, unique per token: what makes a token single-use. */
  nonce: string;
  /** People the token admits (a family or group pays on one receipt). */
  groupSize: number;
}

export type TokenRefusal = 'malformed' | 'bad-signature' | 'expired' | 'not-yet-valid' | 'wrong-store';
export type TokenCheck = { ok: true; claims: EntryClaims } | { ok: false; reason: TokenRefusal };

/** How far a token's issue time may lie in the future of the gate's clock (clock skew). */
const maxClockSkewMs = 60_000;

function sign(key: Uint8Array, body: string): string {
  return bytesToHex(hmac(sha256, key, utf8ToBytes(body)));
}

function encodeClaims(c: EntryClaims): string {
  // Field order fixed and separators URL-safe: the body is what gets signed, byte for byte.
  return [c.account, c.store, c.issuedAtMs, c.expiresAtMs, c.nonce, c.groupSize].map((v) => encodeURIComponent(String(v))).join('~');
}

export function issueEntryToken(key: Uint8Array, claims: EntryClaims): string {
  const body = encodeClaims(claims);
  return `${tokenPrefix}.${body}.${sign(key, body)}`;
}

function constantTimeEqualHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const x = hexToBytes(a);
  const y = hexToBytes(b);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

function decodeClaims(body: string): EntryClaims | undefined {
  const parts = body.split('~').map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return undefined;
    }
  });
  if (parts.length !== 6 || parts.some((p) => p === undefined)) return undefined;
  const [account, store, issued, expires, nonce, group] = parts as string[];
  const issuedAtMs = Number(issued);
  const expiresAtMs = Number(expires);
  const groupSize = Number(group);
  if (!account || !store || !nonce || !Number.isSafeInteger(issuedAtMs) || !Number.isSafeInteger(expiresAtMs)) return undefined;
  if (!Number.isInteger(groupSize) || groupSize < 1 || groupSize > 8) return undefined;
  return { account, store, issuedAtMs, expiresAtMs, nonce, groupSize };
}

/** Checks signature, store and validity window at `nowMs` (the scan's capture time). */
export function verifyEntryToken(key: Uint8Array, token: string, store: string, nowMs: number): TokenCheck {
  const match = /^WO1\.([^.]{1,400})\.([0-9a-f]{64})$/.exec(token.trim());
  if (!match) return { ok: false, reason: 'malformed' };
  const [, body, signature] = match as unknown as [string, string, string];
  if (!constantTimeEqualHex(sign(key, body), signature)) return { ok: false, reason: 'bad-signature' };
  const claims = decodeClaims(body);
  if (!claims) return { ok: false, reason: 'malformed' };
  if (claims.store !== store) return { ok: false, reason: 'wrong-store' };
  if (nowMs > claims.expiresAtMs) return { ok: false, reason: 'expired' };
  if (claims.issuedAtMs > nowMs + maxClockSkewMs) return { ok: false, reason: 'not-yet-valid' };
  return { ok: true, claims };
}

export function keyFromHex(hex: string): Uint8Array {
  if (!/^([0-9a-f]{2}){16,64}$/i.test(hex)) throw new Error('a store key is 16 to 64 bytes written as hex');
  return hexToBytes(hex.toLowerCase());
}

/** The claims of a well-formed token WITHOUT checking its signature: for display and evaluation only. */
export function peekEntryClaims(token: string): EntryClaims | undefined {
  const match = /^WO1\.([^.]{1,400})\.[0-9a-f]{64}$/.exec(token.trim());
  return match ? decodeClaims(match[1]!) : undefined;
}
