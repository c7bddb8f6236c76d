/** Where the mock navigates, and the URLs it builds, as the Clerk options of the app would make them. */
export interface MockNavigation {
  /** Every URL the mock was asked to navigate to, oldest first. */
  readonly navigations: readonly string[];
  navigate(to: string): Promise<void>;
  buildSignInUrl(options?: { redirectUrl?: string }): string;
  buildAfterSignOutUrl(): string;
  redirectToSignIn(options?: { redirectUrl?: string }): Promise<void>;
  openSignIn(): Promise<void>;
}

/** Creates the navigation of a mock: it records every URL and hands it to `navigate`, if given. */
export function createNavigation(options: {
  navigate?: (to: string) => void;
  signInUrl?: string;
  afterSignOutUrl?: string;
}): MockNavigation {
  const navigations: string[] = [];
  const signInUrl = options.signInUrl ?? '/sign-in';
  const navigate = async (to: string) => {
    navigations.push(to);
    options.navigate?.(to);
  };
  const buildSignInUrl = (opts?: { redirectUrl?: string }) =>
    opts?.redirectUrl ? `${signInUrl}?redirect_url=${encodeURIComponent(opts.redirectUrl)}` : signInUrl;
  return {
    navigations,
    navigate,
    buildSignInUrl,
    buildAfterSignOutUrl: () => options.afterSignOutUrl ?? '/',
    redirectToSignIn: (opts) => navigate(buildSignInUrl(opts)),
    openSignIn: () => navigate(signInUrl),
  };
}
