import { useAuth, useSession, useSessionList, useUser } from '@clerk/react';
import { render, screen, waitFor } from '@testing-library/react';
import { expect, test } from 'vitest';
import { MockClerkProvider, scenarios } from '../../../src/testing';
import { setupClerkServer } from './setup';

setupClerkServer();

function Observe() {
  const { session } = useSession();
  const { sessions } = useSessionList();
  const { user } = useUser();
  const auth = useAuth();
  return (
    <pre data-testid="out">
      {JSON.stringify({
        sid: session?.id,
        n: sessions?.length,
        user: user?.fullName,
        userId: auth.userId,
        orgRole: auth.orgRole,
      })}
    </pre>
  );
}

test('smoke', async () => {
  render(
    <MockClerkProvider scenario={scenarios.organizationAdmin()}>
      <Observe />
    </MockClerkProvider>,
  );
  await waitFor(() => expect(screen.getByTestId('out').textContent).toContain('sess_ada'));
  console.log(screen.getByTestId('out').textContent);
});
