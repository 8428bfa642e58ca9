import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../native-bridge/contract';
import { dataOf, pendingPhase, toErrorInfo } from './load-state';

describe('toErrorInfo', () => {
  it('keeps an ApiError’s code and message', () => {
    expect(toErrorInfo(new ApiError('not_found', 'no floor plan'))).toEqual({ code: 'not_found', message: 'no floor plan' });
  });

  it('reads an ApiError body that lost its class on the way', () => {
    expect(toErrorInfo({ code: 'unauthorized', message: 'bad token' })).toEqual({ code: 'unauthorized', message: 'bad token' });
  });

  it('treats an unknown code as internal, keeping the message', () => {
    expect(toErrorInfo(new Error('socket hang up'))).toEqual({ code: 'internal', message: 'socket hang up' });
    expect(toErrorInfo({ code: 'teapot', message: 'short and stout' })).toEqual({ code: 'internal', message: 'short and stout' });
  });

  it('still says something for odd throws', () => {
    expect(toErrorInfo('boom')).toEqual({ code: 'internal', message: 'boom' });
    expect(toErrorInfo(undefined)).toEqual({ code: 'internal', message: 'Unknown error' });
    expect(toErrorInfo({ code: 'not_found', message: '' })).toEqual({ code: 'internal', message: 'Unknown error' });
  });
});

describe('dataOf', () => {
  it('returns data only when ready', () => {
    expect(dataOf({ status: 'ready', data: 3 })).toBe(3);
    expect(dataOf({ status: 'loading' })).toBeNull();
  });
});

describe('pendingPhase', () => {
  it('waits for the link, loads, fails, and is null once ready', () => {
    expect(pendingPhase({ status: 'idle' }, 'connecting')).toEqual({ kind: 'waiting' });
    expect(pendingPhase({ status: 'idle' }, 'open')).toEqual({ kind: 'loading' });
    expect(pendingPhase({ status: 'loading' }, 'closed')).toEqual({ kind: 'loading' });
    const error = { code: 'internal' as const, message: 'boom' };
    expect(pendingPhase({ status: 'error', error }, 'open')).toEqual({ kind: 'error', error });
    expect(pendingPhase({ status: 'ready', data: 1 }, 'open')).toBeNull();
  });
});
