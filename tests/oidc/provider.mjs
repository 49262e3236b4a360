// A real OpenID Connect provider (the oidc-provider package) for Folio's end-to-end tests.
// Configuration comes as JSON in OIDC_TEST_CONFIG: {port, client_id, client_secret,
// redirect_uri, accounts: {login: {email, email_verified, name}}}. The development
// interactions stay on: their login form takes any known login, with any password.
// Prints "listening <issuer>" on stdout once it accepts connections.
import Provider from 'oidc-provider';

const config = JSON.parse(process.env.OIDC_TEST_CONFIG);
const issuer = `http://127.0.0.1:${config.port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: config.client_id,
      client_secret: config.client_secret,
      redirect_uris: [config.redirect_uri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  conformIdTokenClaims: false, // the ID token carries the claims the scopes grant
  cookies: { keys: ['folio-oidc-test-cookie-key'] },
  async findAccount(ctx, sub) {
    const account = config.accounts[sub];
    if (!account) return undefined;
    return { accountId: sub, async claims() { return { sub, ...account }; } };
  },
});

provider.listen(config.port, '127.0.0.1', () => {
  process.stdout.write(`listening ${issuer}\n`);
});
