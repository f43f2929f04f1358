#!/usr/bin/env node
/**
 * `node tools/copy-assets.js <projectRoot>`: after `tsc` has compiled an app
 * into dist/<projectRoot>, copies the files the compiled code reads at run
 * time (the taxonomy CSV, the HSDS datapackage.json, the supergraph) beside
 * the JavaScript, at the same place relative to it as in the source tree;
 * for the gateway, also deploy/kustomize/base/supergraph.graphql.
 */
const { copyFileSync, existsSync, readdirSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const RUNTIME_FILE = /\.(csv|json|graphql)$/;
const NOT_RUNTIME = /^(tsconfig.*|project|package|jest\.config|\.eslintrc)\.json$|\.spec\./;

const projectRoot = process.argv[2];
if (!projectRoot) throw new Error('usage: node tools/copy-assets.js <projectRoot>');
const out = join(ROOT, 'dist', projectRoot);

/** Every folder of the output that holds compiled JavaScript, as a path relative to the output. */
function compiledFolders(dir, found = []) {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name.endsWith('.js'))) found.push(relative(out, dir));
  for (const e of entries) if (e.isDirectory()) compiledFolders(join(dir, e.name), found);
  return found;
}

let copied = 0;
const folders = new Set(compiledFolders(out));
folders.add(projectRoot); // the app's own root (the gateway's supergraph.graphql)
for (const folder of folders) {
  const source = join(ROOT, folder);
  if (!existsSync(source)) continue;
  for (const name of readdirSync(source)) {
    if (!RUNTIME_FILE.test(name) || NOT_RUNTIME.test(name) || !statSync(join(source, name)).isFile()) continue;
    copyFileSync(join(source, name), join(out, folder, name));
    copied += 1;
  }
}
process.stdout.write(`copied ${copied} runtime file(s) into dist/${projectRoot}\n`);
// The gateway's build also gives the Kustomize base its copy of the supergraph.
if (projectRoot === 'apps/gateway') require('./kustomize-supergraph.js');
