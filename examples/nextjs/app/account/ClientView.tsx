'use client';

import { useAuth } from '@clerk/nextjs';
import { useState } from 'react';

/** The browser's view of the same session, and what an API route answers for it. */
export function ClientView() {
  const { isLoaded, userId, sessionId, orgRole, sessionClaims } = useAuth();
  const [api, setApi] = useState('');
  const fva = sessionClaims?.fva as [number, number] | undefined;
  return (
    <>
      <dl data-view="client">
        <dt>Browser</dt>
        <dd>
          {isLoaded
            ? `${userId} · ${sessionId} · ${orgRole ?? 'no organisation'} · verified ${fva?.[0]} min ago`
            : 'Loading…'}
        </dd>
      </dl>
      <p>
        <button type="button" onClick={async () => setApi(await (await fetch('/api/me')).text())}>
          Ask /api/me
        </button>
        <output data-view="api">{api}</output>
      </p>
    </>
  );
}
