'use client';
/**
 * `clerk-session-kit/locales`: the built-in catalogues for `<SessionKitProvider messages>`. English is also the
 * components' default, so only apps that speak another language import from here. Marked as client code so a
 * Server Component can pass a catalogue (which holds functions) to the provider as a client reference.
 * @packageDocumentation
 */
export { ar } from '../core/messages/ar';
export { de } from '../core/messages/de';
export { en } from '../core/messages/en';
export type { Messages } from '../core/messages/types';
