// Store-file errors that a store manager can act on: every problem names the file, the field path
// (`cameras[3].intrinsics.fx`) and what is wrong in plain words. Pure, so the validation that
// uses it can run anywhere.
import type { z } from 'zod';

export interface StoreIssue {
  /** Field path inside the file, e.g. `cameras[3].intrinsics.fx`; empty for the file as a whole. */
  path: string;
  message: string;
}

/** One file of a store directory is missing, unreadable, malformed or inconsistent. */
export class StoreFileError extends Error {
  readonly file: string;
  readonly issues: StoreIssue[];

  constructor(file: string, issues: StoreIssue[]) {
    // One line per issue so a log or terminal shows every problem, each grep-able on its own.
    super(issues.map((issue) => (issue.path ? `${file}: ${issue.path}: ${issue.message}` : `${file}: ${issue.message}`)).join('\n'));
    this.name = 'StoreFileError';
    this.file = file;
    this.issues = issues;
  }
}

/** `['cameras', 3, 'intrinsics', 'fx']` → `cameras[3].intrinsics.fx`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

const article = (noun: string): string => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

/**
 * Zod's default wording ("Too small: expected number to be >0") is written for developers; this
 * map rewrites the common cases. Messages set on the schema itself still take precedence.
 */
export const storeErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is required';
      const expected = issue.expected === 'int' ? 'whole number' : issue.expected;
      return `must be ${article(expected)}, got ${describeValue(issue.input)}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'number' || issue.origin === 'int') {
        if (min === 0) return issue.inclusive ? 'must not be negative' : 'must be positive';
        return issue.inclusive ? `must be at least ${min}` : `must be greater than ${min}`;
      }
      if (issue.origin === 'string') return min === 1 ? 'must not be empty' : `must be at least ${min} characters long`;
      if (issue.origin === 'array') return issue.exact ? `must have exactly ${min} items` : `needs at least ${min} item${min === 1 ? '' : 's'}`;
      return undefined;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'number' || issue.origin === 'int') return issue.inclusive ? `must be at most ${max}` : `must be less than ${max}`;
      if (issue.origin === 'string') return `must be at most ${max} characters long`;
      if (issue.origin === 'array') return issue.exact ? `must have exactly ${max} items` : `must have at most ${max} items`;
      return undefined;
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v));
      const got = issue.input === undefined ? 'nothing' : describeValue(issue.input);
      return values.length === 1 ? `must be ${values[0]}, got ${got}` : `must be one of ${values.join(', ')}; got ${got}`;
    }
    case 'invalid_format':
      return `has the wrong format (got ${describeValue(issue.input)})`;
    default:
      return undefined;
  }
};

/** Every issue of a failed parse, in file order, as store issues. */
export function zodIssues(error: z.ZodError): StoreIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}
