'use client';

import { useState } from 'react';
import { promoteMember } from './actions';

/**
 * Calls the guarded action. In an app under `<ClerkProvider>`, wrap it as `useReverification(promoteMember)` from
 * `@clerk/nextjs` so a stale sign-in opens Clerk's verification and the call is retried.
 */
export function PromoteButton({ memberId }: { memberId: string }) {
  const [result, setResult] = useState('');
  return (
    <p>
      <button type="button" onClick={async () => setResult(JSON.stringify(await promoteMember(memberId)))}>
        Promote {memberId}
      </button>
      <output>{result}</output>
    </p>
  );
}
