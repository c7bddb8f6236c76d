'use server';

// One module, two actions, as real apps write them: the public home page imports `subscribe` only, yet Next
// registers every action of the module with every page that imports it, so `purgeEverything` answers a POST to `/`.

/** Public: anyone may subscribe. */
export async function subscribe(): Promise<void> {}

/** Meant for admins (the admin page imports it); it does not check the session itself. */
export async function purgeEverything(): Promise<string> {
  return 'fixture:purged';
}
