'use client';
/**
 * `clerk-session-kit`: styled, accessible session components for Clerk apps. They work inside any
 * `<ClerkProvider>` (yours, or the kit's `MockClerkProvider`); `SessionKitProvider` is optional.
 * @packageDocumentation
 */
export { ActiveDevices, type ActiveDevicesClassNames, type ActiveDevicesProps } from './components/ActiveDevices';
export { deviceLabel, type IpAddressDisplay } from './components/DeviceRow';
export { IdleTimeoutDialog, type IdleTimeoutDialogProps } from './components/IdleTimeoutDialog';
export { RevokeButton, type RevokeButtonClassNames, type RevokeButtonProps } from './components/RevokeButton';
export {
  SessionEndedNotice,
  type SessionEndedNoticeProps,
} from './components/SessionEndedNotice';
export { SessionExpiryNotice, type SessionExpiryNoticeProps } from './components/SessionExpiryNotice';
export {
  SessionInfoCard,
  type SessionInfoCardClassNames,
  type SessionInfoCardProps,
} from './components/SessionInfoCard';
export {
  type KitSettings,
  type PartialMessages,
  SessionKitProvider,
  type SessionKitProviderProps,
  useKit,
} from './components/SessionKitProvider';
export {
  SessionSwitcher,
  type SessionSwitcherClassNames,
  type SessionSwitcherProps,
} from './components/SessionSwitcher';
export {
  SignOutAllButton,
  type SignOutAllButtonClassNames,
  type SignOutAllButtonProps,
} from './components/SignOutAllButton';
export type { Clock } from './core/clock';
export type { Messages } from './core/messages/types';
