import { useAuth, useSession, useSessionList, useUser } from '@clerk/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { scenarios } from '../src/testing';

/** Shows what Clerk's REAL hooks see under the mock, so each scenario documents itself. */
function HooksReport() {
  const { isLoaded, session } = useSession();
  const { sessions } = useSessionList();
  const { user } = useUser();
  const { userId, orgRole, actor } = useAuth();
  if (!isLoaded) return <p>Loading Clerk…</p>;
  return (
    <dl className="csk:grid csk:grid-cols-[auto_1fr] csk:gap-x-4 csk:gap-y-1 csk:text-sm">
      <dt>Signed in as</dt>
      <dd>{user ? `${user.fullName} (${user.primaryEmailAddress?.emailAddress})` : 'nobody'}</dd>
      <dt>Current session</dt>
      <dd>{session ? `${session.id} (${session.status})` : 'none'}</dd>
      <dt>useAuth()</dt>
      <dd>{JSON.stringify({ userId, orgRole: orgRole ?? null, actor: actor ?? null })}</dd>
      <dt>Accounts in this browser</dt>
      <dd>
        <ul>
          {sessions?.map((s) => (
            <li key={s.id}>
              {s.publicUserData.firstName} {s.publicUserData.lastName}: {s.status}
            </li>
          ))}
        </ul>
      </dd>
    </dl>
  );
}

const meta = {
  title: 'Testing/Mock Clerk',
  component: HooksReport,
  parameters: {
    docs: {
      description: {
        component:
          'What `useSession`, `useSessionList`, `useUser` and `useAuth` from `@clerk/react` see under `<MockClerkProvider>` in each ready-made scenario.',
      },
    },
  },
} satisfies Meta<typeof HooksReport>;

export default meta;
type Story = StoryObj<typeof meta>;

export const OneAccount: Story = {
  parameters: { clerk: scenarios.oneAccount() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Ada Lovelace (ada@example.com)')).toBeVisible();
  },
};

export const ManyAccounts: Story = {
  parameters: { clerk: scenarios.manyAccounts() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Katherine Johnson: pending')).toBeVisible();
    await expect(canvas.getAllByRole('listitem')).toHaveLength(6);
  },
};

export const SignedOut: Story = {
  parameters: { clerk: scenarios.signedOut() },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('nobody')).toBeVisible();
  },
};

export const Loading: Story = {
  parameters: { clerk: scenarios.loading() },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Loading Clerk…')).toBeVisible();
  },
};

export const Impersonation: Story = {
  parameters: { clerk: scenarios.impersonation() },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/user_support_agent/)).toBeVisible();
  },
};

export const OrganizationAdmin: Story = {
  parameters: { clerk: scenarios.organizationAdmin() },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/org:admin/)).toBeVisible();
  },
};
