import { createHmac, randomInt } from 'crypto';

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const API_KEY_LENGTH = 128;

/** 128 characters drawn uniformly from [A-Za-z0-9] with a CSPRNG (DevLake's key format). */
export function generateApiKey(): string {
  let key = '';
  for (let i = 0; i < API_KEY_LENGTH; i++) key += KEY_ALPHABET[randomInt(KEY_ALPHABET.length)];
  return key;
}

/** What `_devlake_api_keys.api_key` stores: lowercase hex HMAC-SHA256 keyed by the secret. */
export function hashApiKey(encryptionSecret: string, plaintext: string): string {
  return createHmac('sha256', encryptionSecret.trim()).update(plaintext, 'utf8').digest('hex');
}
