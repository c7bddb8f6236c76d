const warned = new Set<string>();

/**
 * Logs `message` once per page, prefixed with the kit's name: for mistakes that would otherwise pass silently.
 * Call it only inside `if (process.env.NODE_ENV !== 'production')`, so that bundlers drop the check with the call.
 */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`clerk-session-kit: ${message}`);
}
