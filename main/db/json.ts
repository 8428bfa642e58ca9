// JSON values as the database stores them, and their canonical text. Hashes (the audit chain, store
// snapshot content hashes) are taken over canonical text so that the same value always yields the
// same bytes, whatever order its keys were built in.
import { createHash } from 'node:crypto';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * T when T is JSON-shaped, with `never` where it is not, for use as `value: T & JsonCompatible<T>`.
 * Unlike JsonValue it accepts interfaces (which have no index signature, such as the store model)
 * and optional properties; functions, bigints, symbols and class instances with methods (Date)
 * are refused at compile time, as canonicalJson refuses them at run time.
 */
export type JsonCompatible<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends bigint | symbol | ((...args: never[]) => unknown)
    ? never
    : { [K in keyof T]: K extends string | number ? JsonCompatible<T[K]> : never };

/**
 * Keys sorted at every level, no whitespace. An object property that is undefined counts as
 * absent, as in JSON.stringify. Anything else JSON.stringify would silently coerce or drop
 * (undefined in an array, functions, NaN, class instances such as Date) throws: a hash over a
 * lossy rendering would "verify" a value that was never what the caller stored.
 */
export function canonicalJson(value: unknown): string {
  return render(value, new Set(), '$');
}

function render(value: unknown, ancestors: Set<object>, at: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${at}: ${value} is not representable in JSON`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`${at}: a ${typeof value} is not a JSON value`);
  }
  if (ancestors.has(value)) throw new TypeError(`${at}: circular reference`);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return `[${value.map((item, i) => render(item, ancestors, `${at}[${i}]`)).join(',')}]`;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`${at}: only plain objects are JSON values`);
    }
    const record = value as Record<string, unknown>;
    const parts = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${render(record[key], ancestors, `${at}.${key}`)}`);
    return `{${parts.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
