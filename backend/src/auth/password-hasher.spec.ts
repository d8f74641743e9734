import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('hashes with argon2id and a per-password salt', async () => {
    const a = await hasher.hash('Менің құпия сөзім 2026');
    const b = await hasher.hash('Менің құпия сөзім 2026');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
  });

  it('verifies the right password only', async () => {
    const h = await hasher.hash('correct horse battery');
    await expect(hasher.verify(h, 'correct horse battery')).resolves.toBe(true);
    await expect(hasher.verify(h, 'correct horse batterY')).resolves.toBe(false);
  });

  it('fails, without throwing, for a missing account or a malformed hash', async () => {
    await expect(hasher.verify(null, 'decoy-password-for-timing')).resolves.toBe(false);
    await expect(hasher.verify('not-a-hash', 'whatever')).resolves.toBe(false);
  });
});
