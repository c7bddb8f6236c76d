/** Every string the kit renders. Provide a full or partial object through `<SessionKitProvider messages>`. */
export interface Messages {
  /** BCP 47 tag used for `Intl` date and number formatting and for `lang`. */
  locale: string;
  /** Reading direction of the locale. */
  dir: 'ltr' | 'rtl';
  loading: string;
  signedOut: string;
  signIn: string;
  status: { active: string; pending: string; ended: string; expired: string; revoked: string; other: string };
  thisDevice: string;
  created: string;
  lastActive: string;
  expires: string;
  expiringSoon: (relative: string) => string;
  impersonating: (actor: string) => string;
  signOut: string;
  cancel: string;
  retry: string;
  dismiss: string;
  working: string;
  unknownUser: string;
  /** A device Clerk reported neither browser nor device name for. */
  unknownDevice: string;
  /**
   * Clerk could not load (`clerk.status` `'error'`): clerk-js was blocked or failed to start, so nothing about the
   * session is known. Reloading the page is the retry that works: clerk-js offers none once its load failed.
   */
  clerkFailed: { title: string; body: string; reload: string };
  errors: {
    network: string;
    generic: string;
    rateLimited: string;
    notFound: string;
    /** Clerk still asked for a verification (403 `session_reverification_required`) after the user verified. */
    reverification: string;
  };
  switcher: {
    label: string;
    trigger: (name: string) => string;
    switchTo: (name: string, identifier: string) => string;
    current: string;
    pending: string;
    signOutOf: (name: string) => string;
    addAccount: string;
    signOutAll: string;
    switched: (name: string) => string;
    switchFailed: (name: string) => string;
    signedOutOf: (name: string) => string;
  };
  revoke: {
    accountAction: string;
    deviceAction: string;
    accountTitle: (name: string) => string;
    deviceTitle: (device: string) => string;
    accountBody: string;
    deviceBody: string;
    confirm: string;
    currentRefused: string;
    done: (target: string) => string;
    failed: (target: string) => string;
  };
  signOutAll: {
    action: { 'other-devices': string; 'this-browser': string; everywhere: string };
    title: {
      'other-devices': (count: number) => string;
      'this-browser': (count: number) => string;
      everywhere: (devices: number, accounts: number) => string;
    };
    body: { 'other-devices': string; 'this-browser': string; everywhere: string };
    confirm: string;
    nothingToDo: { 'other-devices': string; 'this-browser': string; everywhere: string };
    done: (count: number) => string;
    partial: (failed: number, total: number) => string;
  };
  devices: {
    title: string;
    description: string;
    empty: string;
    loadFailed: string;
    ipAddress: string;
    location: string;
    /** A device's kind; an unknown kind is not named (the label already says "Unknown device"). */
    kind: { desktop: string; mobile: string; tablet: string };
  };
  /** The inactivity warning (`IdleTimeoutDialog`). `time` is a formatted countdown ("0:45"). */
  idle: {
    title: string;
    body: (time: string) => string;
    stay: string;
    signOutNow: string;
    /** Announced at a few steps of the countdown; `seconds` is already formatted in the locale's digits. */
    secondsLeft: (seconds: string) => string;
    failed: string;
  };
  /** The notice before the session's lifetime ends (`SessionExpiryNotice`). `time` is a formatted countdown. */
  expiry: {
    title: string;
    body: (time: string) => string;
    signInAgain: string;
  };
  /** Why this tab was signed out (`SessionEndedNotice`). */
  ended: {
    title: string;
    reason: { 'other-tab': string; revoked: string; expired: string; inactivity: string };
    signInAgain: string;
  };
}

/** The strings outside the per-component sections: states, session facts, buttons and errors. */
export type CommonMessages = Omit<
  Messages,
  'switcher' | 'revoke' | 'signOutAll' | 'devices' | 'idle' | 'expiry' | 'ended'
>;
