#!/usr/bin/env node
/**
 * The image's entry point: `node service.js <service> [arguments…]` runs that
 * compiled service (dist/apps/<service>/apps/<service>/src/main.js) in this
 * process, with the service's name taken out of its arguments. One image
 * serves the gateway, the five subgraphs and the migration step.
 */
const { join } = require('node:path');

const SERVICES = ['gateway', 'clients', 'plans', 'referrals', 'resources', 'notifications', 'migrate'];
const name = process.argv[2];
if (!SERVICES.includes(name)) {
  process.stderr.write(`usage: service.js <${SERVICES.join('|')}> [arguments…]\n`);
  process.exit(2);
}
process.argv.splice(2, 1);
require(join(__dirname, 'dist', 'apps', name, 'apps', name, 'src', 'main.js'));
