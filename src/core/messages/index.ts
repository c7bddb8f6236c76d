export { ar } from './ar';
export { de } from './de';
export { en } from './en';
export type { Messages } from './types';
