export default async function globalTeardown(): Promise<void> {
  await globalThis.__caseflowTestPostgres?.stop();
  globalThis.__caseflowTestPostgres = undefined;
}
