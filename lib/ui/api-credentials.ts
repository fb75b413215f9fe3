// How a caller presents its credentials to Rhei's REST API, in one place: the console's examples (a personal API
// token, as Bearer) and the tests that call the API as a client application (principal and secret, as HTTP Basic).

/** The Authorization header of a personal API token. */
export function bearerAuthorization(token: string): string {
  return `Bearer ${token}`;
}

/** The Authorization header of a client application: HTTP Basic, its principal and secret (UTF-8). */
export function basicAuthorization(principal: string, secret: string): string {
  const bytes = new TextEncoder().encode(`${principal}:${secret}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** The one-line example the console shows for a token: list the companies with curl. */
export function curlWithToken(apiBase: string, token: string): string {
  return `curl -H "Authorization: ${bearerAuthorization(token)}" ${apiBase}/companies`;
}
