import { DomainError } from '../errors';

/** The DomainError a call throws, for asserting its code and details; fails the test when it throws nothing or something else. */
export function domainErrorOf(call: () => unknown): DomainError {
  try {
    call();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}
