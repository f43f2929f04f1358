const { Client } = require('pg');
const pw = require('/work/main/.data/bench/keys/db-passwords.json');
(async () => {
  const c = new Client({ host: '127.0.0.1', port: 54339, user: 'postgres', password: pw.superuser, database: process.env.DB || 'caseflow_bench' });
  await c.connect();
  const r = await c.query(process.argv[2], JSON.parse(process.argv[3] || '[]'));
  for (const row of r.rows) console.log(Object.values(row).join(' | '));
  await c.end();
})().catch(e => { console.error(e.message); process.exit(1); });
