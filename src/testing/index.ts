/**
 * `clerk-session-kit/testing`: a mock Clerk for Storybook, the kit's tests and your own. No Clerk account needed.
 * @packageDocumentation
 */

export { type ClerkGate, type ClerkGateRequest, clerkGate } from './clerkGate';
export {
  createMockClerk,
  MOCK_FRONTEND_API,
  MOCK_PUBLISHABLE_KEY,
  type MockClerk,
  type MockClerkControls,
  type MockClerkOptions,
} from './createMockClerk';
export { type ClerkEndpoint, type ClerkErrorBody, clerkEndpoints } from './fapi';
export { type ClerkFailure, clerkDelay, clerkFailure, clerkHandlers, clerkReverificationRequired } from './handlers';
export { MockClerkProvider, type MockClerkProviderProps } from './MockClerkProvider';
export { OfflineClerkProvider, type OfflineClerkProviderProps } from './OfflineClerkProvider';
export {
  DEFAULT_INSTANCE,
  device,
  deviceFor,
  SCENARIO_NOW,
  type Scenario,
  type ScenarioActivity,
  type ScenarioDevice,
  ScenarioError,
  type ScenarioInstance,
  type ScenarioLoad,
  type ScenarioOrganization,
  type ScenarioSession,
  type ScenarioUser,
  type SessionStatus,
  scenario,
  session,
  user,
  validateScenario,
} from './scenario';
export { scenarios } from './scenarios';
export {
  type ServerSessionSync,
  type ServerSessionSyncOptions,
  scenarioFromCookies,
  syncSessionToServer,
} from './serverSync';
export { createTestClock, type TestClock } from './testClock';
