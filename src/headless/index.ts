/**
 * `clerk-session-kit/headless`: hooks with the state and behaviour of the kit's components and no markup, for
 * building your own session UI on Clerk.
 * @packageDocumentation
 */
export { type ClerkLoadStatus, useClerkStatus } from '../clerk';
export type { ActionError, ActionStatus } from '../core/action';
export type { Clock } from '../core/clock';
export type { DeviceDescription, DeviceKind } from '../core/device';
export { ReverificationRequiredError } from '../core/reverification';
export type { ConfirmationDialogProps, ConfirmationTriggerProps } from './confirmationProps';
export type { DeviceRevokeOutcome } from './deviceStore';
export { type AccountSummary, type DeviceSummary, displayName } from './summaries';
export type { ActionState } from './useActionStates';
export { type ActiveDevices, type UseActiveDevicesOptions, useActiveDevices } from './useActiveDevices';
export { SignedOutError, type UseAuthFetchOptions, useAuthFetch } from './useAuthFetch';
export { type GridPosition, gridCellProps, useGridNavigation } from './useGridNavigation';
export { type IdleTimeout, type UseIdleTimeoutOptions, useIdleTimeout } from './useIdleTimeout';
export type { ReverificationOptions, ReverificationPrompt } from './useReverified';
export {
  type RevokeSession,
  type RevokeStatus,
  type RevokeTarget,
  type UseRevokeSessionOptions,
  useRevokeSession,
} from './useRevokeSession';
export { type SessionEnded, type SessionEndReason, useSessionEnded } from './useSessionEnded';
export { type SessionExpiry, type UseSessionExpiryOptions, useSessionExpiry } from './useSessionExpiry';
export { type SessionFreshness, type UseSessionFreshnessOptions, useSessionFreshness } from './useSessionFreshness';
export { type CurrentSession, type SessionInfo, type UseSessionInfoOptions, useSessionInfo } from './useSessionInfo';
export {
  type SessionSwitcher,
  type SwitcherAction,
  type UseSessionSwitcherOptions,
  useSessionSwitcher,
} from './useSessionSwitcher';
export {
  type ErrorReport,
  type SignOutAll,
  type SignOutResult,
  type SignOutScope,
  type UseSignOutAllOptions,
  useSignOutAll,
} from './useSignOutAll';
