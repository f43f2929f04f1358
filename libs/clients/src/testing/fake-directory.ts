import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The directory (resources subgraph) stands in as a tiny HTTP server that
 * answers `_entities` for Organization ids it knows — only the other
 * subgraph's endpoint is replaced; the database is real.
 */
export async function fakeDirectory(known: Set<string>): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { variables } = JSON.parse(body) as { variables: { r: Array<{ id: string }> } };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { _entities: variables.r.map((r) => (known.has(r.id) ? { id: r.id } : null)) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
