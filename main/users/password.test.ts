import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

const cheap = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery', cheap);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password', cheap)).not.toBe(await hashPassword('same password', cheap));
  });

  it('refuses stored values it did not write instead of throwing', async () => {
    for (const stored of ['', 'plain', 'scrypt$1$2$3', 'bcrypt$10$8$1$abc$def', 'scrypt$99999999$8$1$AAAA$AAAA', 'scrypt$1024$8$1$AAAA$short']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });

  it('treats equivalent Unicode spellings as the same password', async () => {
    const stored = await hashPassword('caf\u00e9-passphrase', cheap);
    expect(await verifyPassword('cafe\u0301-passphrase', stored)).toBe(true);
  });
});
