import { BallastError } from '../../src/domain/errors.ts';

/** Awaits `p` and returns the BallastError it rejects with; fails the test if it resolves. */
export async function rejection(p: Promise<unknown>): Promise<BallastError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected the promise to reject with a BallastError');
}
