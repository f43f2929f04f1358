#!/usr/bin/env node
/**
 * `node tools/kustomize-supergraph.js` (a step of the gateway's `npm run build`,
 * and of `npm run compose`): copies the composed supergraph,
 * apps/gateway/supergraph.graphql, to deploy/kustomize/base/supergraph.graphql,
 * where the Kustomize base generates the gateway's supergraph ConfigMap from
 * it (Kustomize reads no file outside its folder). The copy is a build
 * output, not committed: there is one supergraph, in apps/gateway.
 */
const { copyFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const TARGET = join(ROOT, 'deploy', 'kustomize', 'base', 'supergraph.graphql');
copyFileSync(join(ROOT, 'apps', 'gateway', 'supergraph.graphql'), TARGET);
module.exports = { TARGET };
