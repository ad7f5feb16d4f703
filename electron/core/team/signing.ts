import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Ed25519 keys as Claimbench stores and ships them: a public key is its 32 raw bytes in base64
 * (44 characters), a private key is PKCS#8 PEM kept only in the person's own profile file.
 */
export const PUBLIC_KEY_PATTERN = /^[A-Za-z0-9+/]{43}=$/;
/** An Ed25519 signature is 64 bytes: 88 base64 characters. */
export const SIGNATURE_PATTERN = /^[A-Za-z0-9+/]{86}==$/;

/** The PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface SigningKey {
  /** Base64 of the raw 32-byte public key. */
  readonly publicKey: string;
  sign(data: Buffer): string;
  /** PKCS#8 PEM, for the profile file only. */
  exportPrivateKey(): string;
}

function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

function wrap(privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the signing key is not an Ed25519 key');
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  return {
    publicKey,
    sign: (data) => sign(null, data, privateKey).toString('base64'),
    exportPrivateKey: () => privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

export function generateSigningKey(): SigningKey {
  return wrap(generateKeyPairSync('ed25519').privateKey);
}

export function signingKeyFromPem(pem: string): SigningKey {
  return wrap(createPrivateKey({ key: pem, format: 'pem' }));
}

/** A key derived from a fixed seed: only for the in-memory identities of tests and benchmarks. */
export function signingKeyFromSeed(seed: Buffer): SigningKey {
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  return wrap(createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' }));
}

const publicKeys = new Map<string, KeyObject>();

function publicKeyObject(publicKey: string): KeyObject {
  let key = publicKeys.get(publicKey);
  if (!key) {
    key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey, 'base64').toString('base64url') },
      format: 'jwk',
    });
    if (publicKeys.size > 10_000) publicKeys.clear();
    publicKeys.set(publicKey, key);
  }
  return key;
}

export function isPublicKey(text: string): boolean {
  if (!PUBLIC_KEY_PATTERN.test(text)) return false;
  try {
    publicKeyObject(text);
    return true;
  } catch {
    return false;
  }
}

export function verifySignature(data: Buffer, signature: string, publicKey: string): boolean {
  if (!SIGNATURE_PATTERN.test(signature) || !PUBLIC_KEY_PATTERN.test(publicKey)) return false;
  try {
    return verify(null, data, publicKeyObject(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** What a person compares by eye, like an SSH host key fingerprint: SHA-256 of the raw key, grouped. */
export function keyFingerprint(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 24);
  return `SHA256:${hex.match(/.{4}/g)!.join(' ')}`;
}
