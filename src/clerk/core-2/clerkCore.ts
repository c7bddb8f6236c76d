/** The `core-2` build talks to Clerk Core 2 (`@clerk/clerk-react` 5, clerk-js 5); see `../clerkCore.ts`. */
export const CLERK_CORE: 2 | 3 = 2;
