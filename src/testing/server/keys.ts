import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The project's offline signing key: the private half signs session tokens, the public half verifies them. */
export interface OfflineKeys {
  privateKey: KeyObject;
  /** SPKI PEM: what `sessionProxy({ jwtKey })` and `clerkMiddleware({ jwtKey })` take. */
  jwtKey: string;
  /** Key id the tokens name, from the public key, so a new key pair never meets a cache of the old one. */
  kid: string;
}

/** Where the key pair lives unless `CLERK_OFFLINE_PRIVATE_KEY` holds one: a folder that ignores itself in git. */
export const DEFAULT_KEY_DIR = '.clerk-offline';

function fromPem(pem: string): OfflineKeys {
  const privateKey = createPrivateKey(pem.replace(/\\n/g, '\n'));
  const jwtKey = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  const kid = `offline_${createHash('sha256').update(jwtKey).digest('hex').slice(0, 16)}`;
  return { privateKey, jwtKey, kid };
}

/**
 * The project's key pair: `CLERK_OFFLINE_PRIVATE_KEY` (a PKCS#8 PEM) when set, else `<keyDir>/private-key.pem`,
 * generated on first use (RSA-2048, as Clerk signs session tokens). The package ships no key: every project, and
 * every CI run that sets its own, signs with its own, and nothing else accepts its tokens.
 */
export function loadOfflineKeys(keyDir: string = DEFAULT_KEY_DIR): OfflineKeys {
  const fromEnv = process.env.CLERK_OFFLINE_PRIVATE_KEY;
  if (fromEnv) return fromPem(fromEnv);
  const dir = path.resolve(keyDir);
  const file = path.join(dir, 'private-key.pem');
  try {
    return fromPem(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dir, { recursive: true });
  // The folder ignores itself, so the key never lands in a commit whatever the project's .gitignore says.
  writeFileSync(path.join(dir, '.gitignore'), '*\n');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    writeFileSync(file, pem, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    // Another process (next dev compiles the proxy and the app apart) wrote one first: use that one.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fromPem(readFileSync(file, 'utf8'));
}
