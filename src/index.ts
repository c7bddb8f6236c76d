'use client';
/**
 * `clerk-session-kit`: styled, accessible session components for Clerk apps. They work inside any
 * `<ClerkProvider>` (yours, or the kit's `MockClerkProvider`); `SessionKitProvider` is optional.
 * @packageDocumentation
 */
export { ActiveDevices, type ActiveDevicesClassNames, type ActiveDevicesProps } from './components/ActiveDevices';
export { ActiveDevicesDataAttributes } from './components/ActiveDevices.dataAttributes';
export { deviceLabel, type IpAddressDisplay } from './components/DeviceRow';
export { IdleTimeoutDialog, type IdleTimeoutDialogProps } from './components/IdleTimeoutDialog';
export { IdleTimeoutDialogDataAttributes } from './components/IdleTimeoutDialog.dataAttributes';
export type { DataAttributes } from './components/parts/dataAttributes';
export { RevokeButton, type RevokeButtonClassNames, type RevokeButtonProps } from './components/RevokeButton';
export { RevokeButtonDataAttributes } from './components/RevokeButton.dataAttributes';
export {
  SessionEndedNotice,
  type SessionEndedNoticeProps,
} from './components/SessionEndedNotice';
export { SessionEndedNoticeDataAttributes } from './components/SessionEndedNotice.dataAttributes';
export { SessionExpiryNotice, type SessionExpiryNoticeProps } from './components/SessionExpiryNotice';
export { SessionExpiryNoticeDataAttributes } from './components/SessionExpiryNotice.dataAttributes';
export {
  SessionInfoCard,
  type SessionInfoCardClassNames,
  type SessionInfoCardProps,
} from './components/SessionInfoCard';
export { SessionInfoCardDataAttributes } from './components/SessionInfoCard.dataAttributes';
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
export { SessionSwitcherDataAttributes } from './components/SessionSwitcher.dataAttributes';
export {
  SignOutAllButton,
  type SignOutAllButtonClassNames,
  type SignOutAllButtonProps,
} from './components/SignOutAllButton';
export { SignOutAllButtonDataAttributes } from './components/SignOutAllButton.dataAttributes';
export type { Clock } from './core/clock';
export type { Messages } from './core/messages/types';
