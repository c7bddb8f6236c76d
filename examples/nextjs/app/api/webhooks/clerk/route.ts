import { revocationWebhook } from 'clerk-session-kit/nextjs';
import { revocations } from '../../../../lib/revocations';

// Clerk dashboard > Webhooks: this URL, events session.revoked, session.removed, session.ended, user.deleted;
// its signing secret goes in CLERK_WEBHOOK_SIGNING_SECRET.
export const POST = revocationWebhook({ list: revocations });
