'use client';
import { type ElementType, type ReactNode, useEffect, useId, useRef } from 'react';
import { enCommon } from '../core/messages/en/common';
import { formatRelative } from '../core/time';
import { displayName } from '../headless/summaries';
import { type SessionInfo, useSessionInfo } from '../headless/useSessionInfo';
import { useKitStrings } from './kitContext';
import { Avatar } from './parts/Avatar';
import { Badge } from './parts/Badge';
import { cn } from './parts/cn';
import { NotLoaded } from './parts/NotLoaded';
import { RelativeTime } from './parts/RelativeTime';
import { Skeleton } from './parts/Skeleton';
import { useFocusAfterCommit } from './parts/useFocusAfterCommit';
import { RevokeButton } from './RevokeButton';

/** Slots of {@link SessionInfoCard} for `classNames`; each element carries the same name in `data-slot`. */
export interface SessionInfoCardClassNames {
  root?: string;
  header?: string;
  avatar?: string;
  name?: string;
  identifier?: string;
  status?: string;
  details?: string;
  notice?: string;
  actions?: string;
}

/** Props of {@link SessionInfoCard}. */
export interface SessionInfoCardProps {
  /**
   * What goes in the actions area. Default: a sign-out button for this session. Pass a function to get the
   * session info, or `null` for none.
   */
  actions?: ReactNode | ((info: SessionInfo & { status: 'active' | 'pending' }) => ReactNode);
  /** Shown when nobody is signed in (default: a short message). */
  signedOut?: ReactNode;
  /** How long before expiry the card warns, in ms. Default: 24 hours. */
  expiringSoonMs?: number;
  /** Level of the heading with the user's name, to fit the page's outline (default 2). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  className?: string;
  classNames?: SessionInfoCardClassNames;
}

// `csk-card` (kit.css) also sets the border colour; the utility stays on the element for apps that look for it.
const cardClass = 'csk-card csk:border-border';

/**
 * The session in use: who (avatar, name, identifier), its status, "This device", when it was created, last
 * active and expires (relative, with the exact time in `<time>`), impersonation and expiring-soon notices, and an
 * actions area (sign out by default). Shows a skeleton while Clerk loads and a message when signed out.
 */
export function SessionInfoCard({
  actions,
  signedOut,
  expiringSoonMs,
  headingLevel = 2,
  className,
  classNames = {},
}: SessionInfoCardProps) {
  const { messages, now } = useKitStrings(enCommon);
  const info = useSessionInfo({ now, ...(expiringSoonMs !== undefined ? { expiringSoonMs } : {}) });
  // Unique per card, also with two cards for the same session on one page.
  const nameId = useId();

  // Signed out (from inside the card, or elsewhere) swaps the card's content: a focused button and its dialog are
  // gone. The signed-out note then takes the focus lost with them; focus the user left elsewhere stays there.
  const { scopeRef, afterCommit } = useFocusAfterCommit<HTMLElement>();
  const noteRef = useRef<HTMLDivElement>(null);
  const signedIn = info.status === 'active' || info.status === 'pending';
  const wasSignedIn = useRef(signedIn);
  useEffect(() => {
    if (wasSignedIn.current && info.status === 'signed-out') afterCommit({ focus: () => noteRef.current });
    wasSignedIn.current = signedIn;
  }, [signedIn, info.status, afterCommit]);

  if (info.status === 'loading') {
    return (
      <section
        ref={scopeRef}
        data-slot="root"
        data-state="loading"
        className={cn(cardClass, className, classNames.root)}
      >
        <NotLoaded>
          <div className="csk-card-head">
            <Skeleton className="csk:size-14 csk:rounded-full" />
            <div className="csk:flex-1 csk:space-y-2">
              <Skeleton className="csk:h-4 csk:w-40" />
              <Skeleton className="csk:h-3 csk:w-56 csk:max-w-full" />
            </div>
          </div>
          <Skeleton className="csk:mt-4 csk:h-16 csk:w-full" />
        </NotLoaded>
      </section>
    );
  }

  if (info.status === 'signed-out') {
    // The live region the signed-in card already had (first child, so React keeps the element), now with the
    // signed-out content: a sign-out that stays on the page is announced. A card that loads signed out inserts it
    // together with its text, which is not read out, as nothing happened.
    return (
      <section
        ref={scopeRef}
        data-slot="root"
        data-state="signed-out"
        className={cn(cardClass, className, classNames.root)}
      >
        <div
          ref={noteRef}
          role="status"
          tabIndex={-1}
          data-slot="signed-out"
          className="csk:rounded-kit csk:outline-none csk:focus-visible:ring-2 csk:focus-visible:ring-ring csk:focus-visible:ring-offset-2 csk:ring-offset-background"
        >
          {signedOut ?? <p className="csk-note">{messages.signedOut}</p>}
        </div>
      </section>
    );
  }

  const { session } = info;
  const Heading = `h${headingLevel}` as ElementType;
  const name = displayName(session, messages.unknownUser);
  const actionArea =
    actions === undefined ? (
      <RevokeButton target={{ type: 'account', sessionId: session.id }} current="sign-out" label={name} />
    ) : typeof actions === 'function' ? (
      actions(info)
    ) : (
      actions
    );

  return (
    <section
      ref={scopeRef}
      data-slot="root"
      data-state={info.status}
      aria-labelledby={nameId}
      className={cn(cardClass, className, classNames.root)}
    >
      <div role="status" data-slot="announcer" className="csk:sr-only" />
      <div data-slot="header" className={cn('csk-card-head', classNames.header)}>
        <Avatar src={session.imageUrl} initials={session.initials} size="lg" className={classNames.avatar} />
        <div className="csk:min-w-0 csk:flex-1">
          <Heading id={nameId} data-slot="name" title={name} className={cn('csk-card-name', classNames.name)}>
            {name}
          </Heading>
          {session.identifier && session.identifier !== name ? (
            <p data-slot="identifier" title={session.identifier} className={cn('csk-card-id', classNames.identifier)}>
              {session.identifier}
            </p>
          ) : null}
          <div data-slot="status" className={cn('csk-card-status', classNames.status)}>
            <Badge tone={info.status === 'active' ? 'success' : 'warning'}>{messages.status[info.status]}</Badge>
            <Badge tone="primary">{messages.thisDevice}</Badge>
          </div>
        </div>
      </div>

      {session.actor ? (
        <p data-slot="notice" data-kind="impersonation" className={cn('csk-card-notice', classNames.notice)}>
          {messages.impersonating(session.actor)}
        </p>
      ) : null}
      {session.expiringSoon ? (
        <p data-slot="notice" data-kind="expiring" className={cn('csk-card-notice', classNames.notice)}>
          {messages.expiringSoon(formatRelative(session.expireAt, now(), messages.locale))}
        </p>
      ) : null}

      <dl data-slot="details" className={cn('csk-card-details', classNames.details)}>
        {session.createdAt ? (
          <>
            <dt className="csk:text-muted-foreground">{messages.created}</dt>
            <dd>
              <RelativeTime date={session.createdAt} />
            </dd>
          </>
        ) : null}
        <dt className="csk:text-muted-foreground">{messages.lastActive}</dt>
        <dd>
          <RelativeTime date={session.lastActiveAt} />
        </dd>
        <dt className="csk:text-muted-foreground">{messages.expires}</dt>
        <dd>
          <RelativeTime date={session.expireAt} />
        </dd>
      </dl>

      {actionArea ? (
        <div data-slot="actions" className={cn('csk-card-actions', classNames.actions)}>
          {actionArea}
        </div>
      ) : null}
    </section>
  );
}
