import { ClerkProvider } from '@clerk/nextjs';
import type { ReactNode } from 'react';
import { OfflineClerk } from './OfflineClerk';

export const metadata = { title: 'clerk-session-kit Next.js example' };

// Offline (no Clerk account): the kit's mock Clerk, and the same user on the server (see proxy.ts). Read at build
// time, like every NEXT_PUBLIC_ variable; never set it for a build you deploy.
const offline = process.env.NEXT_PUBLIC_CLERK_OFFLINE === '1';

export default function RootLayout({ children }: { children: ReactNode }) {
  const Clerk = offline ? OfflineClerk : ClerkProvider;
  return (
    <html lang="en">
      <body>
        <Clerk>{children}</Clerk>
      </body>
    </html>
  );
}
