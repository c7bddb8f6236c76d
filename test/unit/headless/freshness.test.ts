import { createCheckAuthorization } from '@clerk/shared/authorization';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReverificationLevel } from '../../../src/clerk';
import { verificationAge } from '../../../src/headless/useSessionFreshness';

const LEVELS: ReverificationLevel[] = ['first_factor', 'second_factor', 'multi_factor'];

/** What Clerk's own `has({ reverification })` answers for a signed-in user with these factor ages. */
function clerkSays(level: ReverificationLevel, afterMinutes: number, fva: [number, number] | null): boolean {
  return createCheckAuthorization({
    userId: 'user_ada',
    factorVerificationAge: fva,
    orgId: undefined,
    orgRole: undefined,
    orgPermissions: undefined,
    features: '',
    plans: '',
  } as Parameters<typeof createCheckAuthorization>[0])({ reverification: { level, afterMinutes } });
}

describe('useSessionFreshness judges recency exactly as Clerk does', () => {
  it('on every combination of small ages, limits and levels, including the boundary and "never"', () => {
    const ages = [-1, 0, 1, 4, 5, 6, 9, 10, 11, 59, 60, 61];
    const limits = [1, 5, 10, 60];
    for (const level of LEVELS) {
      for (const afterMinutes of limits) {
        for (const first of ages) {
          for (const second of ages) {
            const fva: [number, number] = [first, second];
            expect({ level, afterMinutes, fva, fresh: verificationAge(level, afterMinutes, fva).fresh }).toEqual({
              level,
              afterMinutes,
              fva,
              fresh: clerkSays(level, afterMinutes, fva),
            });
          }
        }
      }
    }
  });

  it('on arbitrary ages and limits, and on missing or malformed ages', () => {
    const age = fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 100_000 }), fc.double({ noNaN: false }));
    fc.assert(
      fc.property(
        fc.constantFrom(...LEVELS),
        fc.oneof(fc.integer({ min: -5, max: 100_000 }), fc.double()),
        fc.option(fc.tuple(age, age), { nil: null }),
        (level, afterMinutes, fva) => {
          expect(verificationAge(level, afterMinutes, fva).fresh).toBe(clerkSays(level, afterMinutes, fva));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reports the age it judged: the first factor when there is no second, the older of both for multi_factor', () => {
    expect(verificationAge('second_factor', 10, [5, -1])).toEqual({ fresh: true, ageMinutes: 5 });
    expect(verificationAge('second_factor', 10, [30, 2])).toEqual({ fresh: true, ageMinutes: 2 });
    expect(verificationAge('multi_factor', 10, [3, 12])).toEqual({ fresh: false, ageMinutes: 12 });
    expect(verificationAge('multi_factor', 10, [-1, 2])).toEqual({ fresh: false, ageMinutes: null });
    expect(verificationAge('first_factor', 5, [5, -1])).toEqual({ fresh: false, ageMinutes: 5 });
  });
});
