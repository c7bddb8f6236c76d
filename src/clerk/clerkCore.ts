/**
 * The Clerk Core this build of the kit talks to: 3 (`@clerk/react` 6) here, 2 (`@clerk/clerk-react` 5) in the
 * `core-2` build, whose door replaces this file with `core-2/clerkCore.ts`. The mock reads it, to behave like the
 * clerk-js of that Core where the two differ, and `useClerk` to name the right provider in its warning.
 */
export const CLERK_CORE: 2 | 3 = 3;
