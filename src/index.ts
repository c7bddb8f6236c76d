'use client';
export { RevokeButton, type RevokeButtonClassNames, type RevokeButtonProps } from './components/RevokeButton';
/**
 * `clerk-session-kit`: styled, accessible session components for Clerk apps. They work inside any
 * `<ClerkProvider>` (yours, or the kit's `MockClerkProvider`); `SessionKitProvider` is optional.
 * @packageDocumentation
 */
export {
  SessionInfoCard,
  type SessionInfoCardClassNames,
  type SessionInfoCardProps,
} from './components/SessionInfoCard';
export {
  type PartialMessages,
  SessionKitProvider,
  type SessionKitProviderProps,
  useKit,
} from './components/SessionKitProvider';
export { ar, de, en, type Messages } from './core/messages';
