import { ConfigError, parseConfig } from './config';

describe('config.json', () => {
  it('is the demo sign-in when it says so or says nothing', () => {
    expect(parseConfig({ auth: { mode: 'demo' } })).toEqual({ auth: { mode: 'demo' } });
    expect(parseConfig({})).toEqual({ auth: { mode: 'demo' } });
  });

  it('reads the OIDC issuer and client, with the default scope', () => {
    expect(parseConfig({ auth: { mode: 'oidc', issuer: 'https://id.example.org', clientId: 'dash' } })).toEqual({
      auth: {
        mode: 'oidc',
        issuer: 'https://id.example.org',
        clientId: 'dash',
        scope: 'openid profile email',
        redirectPath: '/signin/callback',
      },
    });
  });

  it("reads the API's resource indicator (RFC 8707) and refuses one that is not an absolute URI", () => {
    const oidc = { mode: 'oidc', issuer: 'https://id.example.org', clientId: 'dash' };
    expect(parseConfig({ auth: { ...oidc, resource: 'https://api.cases.example.org' } })).toEqual({
      auth: {
        mode: 'oidc',
        issuer: 'https://id.example.org',
        clientId: 'dash',
        scope: 'openid profile email',
        redirectPath: '/signin/callback',
        resource: 'https://api.cases.example.org',
      },
    });
    for (const resource of ['caseflow', 'https://api.cases.example.org/#api', 42]) {
      expect(() => parseConfig({ auth: { ...oidc, resource } })).toThrow(
        new ConfigError("config.json: auth.resource must be the API's resource indicator, an absolute URI without a fragment (RFC 8707)"),
      );
    }
  });

  it('lists every problem at once', () => {
    expect(() => parseConfig({ auth: { mode: 'oidc', issuer: 'http://id.example.org', clientId: '' } })).toThrow(
      new ConfigError(
        "config.json: auth.issuer must be the https URL of the OpenID Connect issuer; auth.clientId must name the dashboard's client at the issuer",
      ),
    );
  });
});
