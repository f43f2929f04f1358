/**
 * `npm run --silent token -- --as casey@demo.caseflow` prints a bearer token
 * for a seeded staff member, signed with the development issuer's key.
 * `npm run --silent token -- --client <name> [--scope directory:read]
 * [--scope directory:write --org <organization id>]` prints a machine
 * client's client-credentials token (a partner system's, for the HSDS API
 * and the directory queries). Demo and tests only: refused when
 * NODE_ENV=production.
 */
import { DIRECTORY_SCOPES, type DirectoryScope, ensureDevKeys, isUuid, mintBearerToken, mintClientToken } from '@caseflow/auth';
import { DEMO_STAFF, demoStaffByEmail } from '@caseflow/demo';
import { KEYS_DIR, localConfig } from './lib/local';

async function main(): Promise<void> {
  const config = localConfig();
  if (config.NODE_ENV === 'production') {
    process.stderr.write('Token minting is for the demo and tests only; it is refused in production.\n');
    process.exit(1);
  }
  const args = process.argv.slice(2);
  if (args.includes('--client')) return clientToken(args, config);
  const email = args[args.indexOf('--as') + 1];
  const staff = args.includes('--as') && email ? demoStaffByEmail(email) : undefined;
  if (!staff) {
    process.stderr.write(
      `usage: npm run --silent token -- --as <email>\n       npm run --silent token -- --client <name> [--scope directory:read] [--scope directory:write --org <organization id>]
seeded staff: ${DEMO_STAFF.map((s) => `${s.email} (${s.role})`).join(', ')}\n`,
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

/** The values given after each `--<name>` flag. */
const valuesOf = (args: readonly string[], name: string) => args.flatMap((arg, i) => (arg === name ? [args[i + 1] ?? ''] : []));

/** A machine client's token: `directory:read` unless told; `directory:write` needs the partner organization (`--org`). */
async function clientToken(args: readonly string[], config: ReturnType<typeof localConfig>): Promise<void> {
  const [clientId] = valuesOf(args, '--client');
  const scopes = valuesOf(args, '--scope').flatMap((s) => s.split(/[\s,]+/).filter(Boolean));
  const [organizationId] = valuesOf(args, '--org');
  const problems = [
    ...(/^[\w.:@-]{1,200}$/.test(clientId ?? '') ? [] : ['--client: a client name (letters, digits, . _ : @ -)']),
    ...scopes
      .filter((s) => !(DIRECTORY_SCOPES as readonly string[]).includes(s))
      .map((s) => `--scope: ${s} is not one of ${DIRECTORY_SCOPES.join(', ')}`),
    ...(scopes.includes('directory:write') && !isUuid(organizationId) ? ['--org: directory:write needs the partner organization id'] : []),
    ...(organizationId !== undefined && !isUuid(organizationId) ? ['--org: an organization id (UUID)'] : []),
  ];
  if (problems.length > 0) {
    process.stderr.write(
      `${problems.join('\n')}\nusage: npm run --silent token -- --client <name> [--scope directory:read] [--scope directory:write --org <organization id>]\n`,
    );
    process.exit(2);
  }
  const keys = ensureDevKeys(KEYS_DIR);
  const token = await mintClientToken(
    keys.privateKeyPem,
    { clientId, scopes: scopes.length > 0 ? (scopes as DirectoryScope[]) : ['directory:read'], organizationId },
    { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE },
  );
  process.stdout.write(`${token}\n`);
}

void main();
