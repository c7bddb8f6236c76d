import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorNotice } from '../../../src/components/parts/ErrorNotice';
import { toActionError } from '../../../src/core/action';

const clerkError = (status: number) => ({ status, errors: [{ code: 'x', longMessage: `Status ${status}.` }] });
const noop = () => undefined;

describe('ErrorNotice', () => {
  afterEach(cleanup);

  it.each([
    ['a network failure', new TypeError('Failed to fetch')],
    ['429', clerkError(429)],
    ['500', clerkError(500)],
    ['503', clerkError(503)],
  ])('offers Try again for %s', (_, thrown) => {
    render(<ErrorNotice title="Could not." error={toActionError(thrown)} onRetry={noop} onDismiss={noop} />);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Dismiss' })).toBeTruthy();
  });

  it.each([
    ['403', clerkError(403)],
    ['404', clerkError(404)],
    ['422', clerkError(422)],
    ['a session no longer in this browser', new Error('Session sess_x is no longer in this browser.')],
  ])('offers no Try again for %s, which would only fail again, and keeps the text and Dismiss', (_, thrown) => {
    render(<ErrorNotice title="Could not." error={toActionError(thrown)} onRetry={noop} onDismiss={noop} />);
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Dismiss' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/^Could not\. \S/);
  });
});
