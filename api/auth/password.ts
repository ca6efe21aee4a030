// argon2id with OWASP's recommended minimums (19 MiB, 2 passes).
import { hash, verify } from '@node-rs/argon2';

const options = {
  // 2 = Argon2id (the package's enum is a const enum, unusable with isolated modules).
  algorithm: 2,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(encodedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(encodedHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the e-mail is unknown keeps login time the same
// whether or not the account exists.
let decoyHash: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy password that matches nothing');
  await verifyPassword(await decoyHash, password);
}
