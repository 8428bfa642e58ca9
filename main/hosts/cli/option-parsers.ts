// Parsers for numeric command-line options, shared by every command: a bad value is refused by
// commander itself (exit code 1, the option named) before the command runs.
import { InvalidArgumentError } from 'commander';

export function wholeNumber(min: number, max: number, what = 'a whole number'): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\s*-?\d+\s*$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`expected ${what} from ${min} to ${max}`);
    return n;
  };
}

export function positiveNumber(what = 'a positive number'): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected ${what}`);
    return n;
  };
}

export function numberBetween(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new InvalidArgumentError(`expected a number from ${min} to ${max}`);
    return n;
  };
}
