/**
 * `npm run --silent token -- --as casey@demo.caseflow` prints a bearer token
 * for a seeded staff member, signed with the development issuer's key.
 * Demo and tests only: refused when NODE_ENV=production.
 */
import { ensureDevKeys, mintBearerToken } from '@caseflow/auth';
import { DEMO_STAFF, demoStaffByEmail } from '@caseflow/demo';
import { KEYS_DIR, localConfig } from './lib/local';

async function main(): Promise<void> {
  const config = localConfig();
  if (config.NODE_ENV === 'production') {
    process.stderr.write('Token minting is for the demo and tests only; it is refused in production.\n');
    process.exit(1);
  }
  const args = process.argv.slice(2);
  const email = args[args.indexOf('--as') + 1];
  const staff = args.includes('--as') && email ? demoStaffByEmail(email) : undefined;
  if (!staff) {
    process.stderr.write(
      `usage: npm run --silent token -- --as <email>\nseeded staff: ${DEMO_STAFF.map((s) => `${s.email} (${s.role})`).join(', ')}\n`,
    );
    process.exit(2);
  }
  const keys = ensureDevKeys(KEYS_DIR);
  const token = await mintBearerToken(
    keys.privateKeyPem,
    { staffId: staff.id, role: staff.role, organizationId: staff.organizationId },
    {
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      email: staff.email,
    },
  );
  process.stdout.write(`${token}\n`);
}

void main();
