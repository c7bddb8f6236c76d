import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Every test unmounts what it rendered, as a page navigation would: Clerk Core 2 allows one mounted
// <ClerkProvider> per page (a module-level counter), so a provider left mounted by one test fails the next.
afterEach(cleanup);
