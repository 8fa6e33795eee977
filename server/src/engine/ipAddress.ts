/**
 * IP address syntax, as the IpAddress condition operators read their values: written here rather than taken
 * from node:net so that the engine stays pure (it runs wherever the language server does, and the CLI does not
 * load the networking module on every start just to read addresses). test/unit/ipAddress.test.ts checks that
 * these agree with node:net's isIPv4 and isIPv6 on generated addresses without a zone id.
 */

/** A decimal octet, 0 to 255, without leading zeros: node:net refuses "010" (octal or ten?), and so does the rule. */
function isOctet(part: string): boolean {
  return /^(?:0|[1-9][0-9]{0,2})$/.test(part) && Number(part) <= 255;
}

/** Dotted-quad IPv4: four octets. */
export function isIPv4Address(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every(isOctet);
}

/** One to four hexadecimal digits. */
function isHexGroup(group: string): boolean {
  return /^[0-9A-Fa-f]{1,4}$/.test(group);
}

/**
 * How many 16-bit groups a run of colon-separated groups stands for (an IPv4 address as its last group is
 * two), or -1 when it is not such a run. `lastMayBeIPv4`: only the address's final groups may end in one.
 */
function groupCount(run: string, lastMayBeIPv4: boolean): number {
  if (run === '') return 0;
  const groups = run.split(':');
  let count = 0;
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i];
    if (isHexGroup(group)) count += 1;
    else if (lastMayBeIPv4 && i === groups.length - 1 && isIPv4Address(group)) count += 2;
    else return -1;
  }
  return count;
}

/**
 * IPv6 in the text forms of RFC 4291 section 2.2: eight groups, or fewer with one `::` standing for at least one
 * group of zeros, the last 32 bits optionally written as an IPv4 address. No zone id (`%eth0`): it names an
 * interface of one host, which no policy can mean.
 */
export function isIPv6Address(text: string): boolean {
  const gap = text.indexOf('::');
  if (gap < 0) return groupCount(text, true) === 8;
  if (text.indexOf('::', gap + 1) >= 0) return false; // only one gap
  const before = text.slice(0, gap);
  const after = text.slice(gap + 2);
  const head = groupCount(before, false);
  const tail = groupCount(after, true);
  return head >= 0 && tail >= 0 && head + tail <= 7;
}
