/**
 * Core 2's `@clerk/react/errors`: `@clerk/clerk-react/errors` has the type guards but not the error class, which
 * lives in `@clerk/shared/error` (v3, the copy `@clerk/clerk-react` 5 itself depends on). Clerk's guards match on
 * the class's static `kind`, so a mock error built from this class passes any copy's `isClerkAPIResponseError`.
 */
export * from '@clerk/clerk-react/errors';
export { ClerkAPIResponseError } from '@clerk/shared/error';
