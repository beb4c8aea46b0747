/**
 * Removes credentials from a remote URL. Remote URLs end up in card front matter, so a token
 * must never travel with them: `https://user:ghp_x@github.com/o/r` and `https://ghp_x@github.com/o/r`
 * both become `https://github.com/o/r` (over HTTP the user part is where tokens go). Other schemes
 * keep their user name but lose a password (`ssh://git:pw@host/r` -> `ssh://git@host/r`);
 * scp-style remotes (`git@github.com:o/r.git`) carry no secret and are kept.
 */
export function stripCredentials(url: string): string {
  const trimmed = url.trim();
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/@\s]*)@/i.exec(trimmed);
  if (!match) return trimmed;
  const [whole, scheme = '', userInfo = ''] = match;
  const rest = trimmed.slice(whole.length);
  if (/^https?$/i.test(scheme)) return `${scheme}://${rest}`;
  const user = userInfo.split(':')[0] ?? '';
  return user ? `${scheme}://${user}@${rest}` : `${scheme}://${rest}`;
}
