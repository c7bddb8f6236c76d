import { PUBLISHABLE_KEY, SECRET_KEY } from './keys';

// @clerk/nextjs reads its keys from the environment when its modules load, and refuses a `secretKey` passed as a
// middleware option without CLERK_ENCRYPTION_KEY. Import this module before anything that imports Clerk.
process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY ??= PUBLISHABLE_KEY;
process.env.CLERK_SECRET_KEY ??= SECRET_KEY;
process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.CLERK_TELEMETRY_DISABLED = '1';
