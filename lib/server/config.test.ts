import { describe, expect, it } from 'vitest';
import { parseServerConfig } from './config';

const base = { KUBECONFIG: '/tmp/fleetdeck-server.kubeconfig' };

describe('parseServerConfig: hosts Fleetdeck answers to', () => {
  it('answers to the loopback names by default, plus FLEETDECK_ORIGIN host', () => {
    expect([...parseServerConfig(base).allowedHosts]).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(parseServerConfig({ ...base, FLEETDECK_ORIGIN: 'https://fleetdeck.example.com' }).allowedHosts).toContain(
      'fleetdeck.example.com',
    );
  });

  it('takes FLEETDECK_ALLOWED_HOSTS as the list, normalized, and names a bad entry', () => {
    const config = parseServerConfig({
      ...base,
      FLEETDECK_ALLOWED_HOSTS: ' Fleetdeck.Example.com , 10.0.0.5:8080,[::1]:80',
    });
    expect([...config.allowedHosts]).toEqual(['fleetdeck.example.com', '10.0.0.5:8080', '[::1]']);
    expect(() => parseServerConfig({ ...base, FLEETDECK_ALLOWED_HOSTS: 'ok.example, http://evil.example/x' })).toThrow(
      /FLEETDECK_ALLOWED_HOSTS: "http:\/\/evil.example\/x" is not a host\[:port\]/,
    );
  });
});

describe('parseServerConfig: kubeconfig mode and demo users stay on loopback unless allowed', () => {
  const kubeconfig = { ...base, FLEETDECK_AUTH_MODE: 'kubeconfig' };
  const demo = { ...base, FLEETDECK_DEMO: '1', FLEETDECK_DEMO_KUBECONFIGS: '/tmp/users' };

  it('refuses kubeconfig mode beyond loopback, or where the listener is unknown, unless remote access is allowed', () => {
    expect(() => parseServerConfig({ ...kubeconfig, FLEETDECK_LISTEN_HOST: '127.0.0.1' })).not.toThrow();
    expect(() => parseServerConfig({ ...kubeconfig, FLEETDECK_LISTEN_HOST: '::1' })).not.toThrow();
    expect(() => parseServerConfig({ ...kubeconfig, FLEETDECK_LISTEN_HOST: '0.0.0.0' })).toThrow(
      /kubeconfig mode lends one identity to every caller, and the server listens on 0\.0\.0\.0/,
    );
    expect(() => parseServerConfig(kubeconfig)).toThrow(/FLEETDECK_LISTEN_HOST is unset/);
    expect(() =>
      parseServerConfig({ ...kubeconfig, FLEETDECK_LISTEN_HOST: '0.0.0.0', FLEETDECK_KUBECONFIG_ALLOW_REMOTE: 'true' }),
    ).not.toThrow();
  });

  it('offers demo users only with FLEETDECK_DEMO, and beyond loopback only with FLEETDECK_DEMO_ALLOW_REMOTE', () => {
    expect(() =>
      parseServerConfig({ ...base, FLEETDECK_DEMO_KUBECONFIGS: '/tmp/users', FLEETDECK_LISTEN_HOST: '127.0.0.1' }),
    ).toThrow(/set FLEETDECK_DEMO=1 as well/);
    expect(parseServerConfig({ ...demo, FLEETDECK_LISTEN_HOST: 'localhost' }).FLEETDECK_DEMO).toBe(true);
    expect(() => parseServerConfig({ ...demo, FLEETDECK_LISTEN_HOST: '10.0.0.5' })).toThrow(
      /demo users sign anyone in with one click, and the server listens on 10\.0\.0\.5/,
    );
    expect(() =>
      parseServerConfig({ ...demo, FLEETDECK_LISTEN_HOST: '10.0.0.5', FLEETDECK_DEMO_ALLOW_REMOTE: 'true' }),
    ).not.toThrow();
  });
});

describe('parseServerConfig: the canary verdict period', () => {
  const period = (value: string) =>
    parseServerConfig({ ...base, FLEETDECK_CLOUDWATCH_VERDICT_PERIOD_SECONDS: value })
      .FLEETDECK_CLOUDWATCH_VERDICT_PERIOD_SECONDS;

  it('takes the periods CloudWatch takes: 1, 5, 10, 30 and multiples of 60', () => {
    expect(parseServerConfig(base).FLEETDECK_CLOUDWATCH_VERDICT_PERIOD_SECONDS).toBe(60);
    for (const seconds of [1, 5, 10, 30, 60, 120, 300, 3600]) expect(period(String(seconds))).toBe(seconds);
  });

  it('refuses any other at boot, saying which it takes', () => {
    for (const seconds of ['2', '15', '45', '90', '0', '-60', '1.5']) {
      expect(() => period(seconds)).toThrow(/FLEETDECK_CLOUDWATCH_VERDICT_PERIOD_SECONDS/);
    }
    expect(() => period('90')).toThrow(/must be 1, 5, 10, 30 or a multiple of 60/);
  });
});

describe('parseServerConfig: oidc mode', () => {
  const oidc = {
    ...base,
    FLEETDECK_AUTH_MODE: 'oidc',
    FLEETDECK_OIDC_ISSUER: 'https://login.example.com/realms/ml',
    FLEETDECK_OIDC_CLIENT_ID: 'fleetdeck',
    FLEETDECK_ORIGIN: 'https://fleetdeck.example.com',
    FLEETDECK_SESSION_SECRET: 'x'.repeat(32),
  };

  it('takes a complete setting, with scopes split and the API server-like claim defaults', () => {
    const config = parseServerConfig(oidc);
    expect(config.FLEETDECK_OIDC_SCOPES).toEqual(['openid', 'profile', 'email', 'groups', 'offline_access']);
    expect(config.FLEETDECK_OIDC_USERNAME_CLAIM).toBe('sub');
    expect(config.FLEETDECK_OIDC_GROUPS_CLAIM).toBe('groups');
  });

  it('names each missing setting', () => {
    for (const name of [
      'FLEETDECK_OIDC_ISSUER',
      'FLEETDECK_OIDC_CLIENT_ID',
      'FLEETDECK_ORIGIN',
      'FLEETDECK_SESSION_SECRET',
    ] as const) {
      const { [name]: _missing, ...rest } = oidc;
      expect(() => parseServerConfig(rest)).toThrow(new RegExp(`${name}: oidc mode needs ${name}`));
    }
  });

  it('refuses a plain-http issuer beyond loopback, and scopes without openid', () => {
    expect(() => parseServerConfig({ ...oidc, FLEETDECK_OIDC_ISSUER: 'http://login.example.com' })).toThrow(
      /FLEETDECK_OIDC_ISSUER must be an https URL/,
    );
    expect(() => parseServerConfig({ ...oidc, FLEETDECK_OIDC_ISSUER: 'http://127.0.0.1:5556/dex' })).not.toThrow();
    expect(() => parseServerConfig({ ...oidc, FLEETDECK_OIDC_SCOPES: 'email groups' })).toThrow(
      /FLEETDECK_OIDC_SCOPES must include openid/,
    );
  });
});

describe('parseServerConfig: oidc mode CA file', () => {
  it('names a CA file that is not a PEM of certificates', () => {
    expect(() =>
      parseServerConfig({
        ...base,
        FLEETDECK_AUTH_MODE: 'oidc',
        FLEETDECK_OIDC_ISSUER: 'https://login.example.com',
        FLEETDECK_OIDC_CLIENT_ID: 'fleetdeck',
        FLEETDECK_ORIGIN: 'https://fleetdeck.example.com',
        FLEETDECK_SESSION_SECRET: 'x'.repeat(32),
        FLEETDECK_OIDC_CA_FILE: '/nonexistent/ca.pem',
      }),
    ).toThrow(/FLEETDECK_OIDC_CA_FILE \/nonexistent\/ca.pem is not a readable PEM file/);
  });
});
