import * as assert from 'node:assert/strict';
import { isIPv4, isIPv6 } from 'node:net';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isIPv4Address, isIPv6Address } from '../../server/src/engine/ipAddress';

// The engine reads addresses itself (it must not load node:net); node:net, here in the tests only, is the
// reference it has to agree with, except that zone ids (fe80::1%eth0), which node:net accepts, are refused.

describe('isIPv4Address', () => {
  it('accepts dotted quads of octets 0-255', () => {
    for (const a of ['0.0.0.0', '10.0.0.1', '192.168.1.255', '255.255.255.255', '198.51.100.7']) assert.ok(isIPv4Address(a), a);
  });

  it('refuses out-of-range octets, leading zeros, wrong part counts and other characters', () => {
    for (const a of ['256.1.1.1', '300.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.04', '1..3.4', '', '1.2.3.4 ', ' 1.2.3.4', '1.2.3.a', '+1.2.3.4', '1.2.3.4.', '١.٢.٣.٤']) {
      assert.ok(!isIPv4Address(a), a);
    }
  });
});

describe('isIPv6Address', () => {
  it('accepts full, compressed and IPv4-suffixed forms', () => {
    for (const a of ['::', '::1', '1::', '2001:db8::', '2001:DB8:0:0:8:800:200C:417A', '2001:db8::8:800:200c:417a', 'fe80::', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '::ffff:192.0.2.128', '1:2:3:4:5:6:192.0.2.1', '64:ff9b::198.51.100.7']) {
      assert.ok(isIPv6Address(a), a);
    }
  });

  it('refuses two gaps, too many or too few groups, long groups, misplaced IPv4 and zone ids', () => {
    for (const a of [':::', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8::', '12345::', '1::2:', ':1::2', 'g::1', '1.2.3.4::', '::1.2.3.4:1', '1:2:3:4:5:6:7:1.2.3.4', 'fe80::1%eth0', '', '2001:db8::/32']) {
      assert.ok(!isIPv6Address(a), a);
    }
  });
});

describe('agreement with node:net on addresses without a zone id', () => {
  // Mostly well-formed parts, so that both answers are common.
  const hexGroup = fc.oneof({ arbitrary: fc.stringMatching(/^[0-9a-fA-F]{1,4}$/), weight: 12 }, { arbitrary: fc.stringMatching(/^[0-9a-fA-F]{5}$/), weight: 1 });
  const octet = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 255 }).map(String), weight: 12 }, fc.integer({ min: 256, max: 999 }).map(String), fc.stringMatching(/^0[0-9]{1,2}$/));
  const ipv4 = fc.oneof({ arbitrary: fc.array(octet, { minLength: 4, maxLength: 4 }), weight: 4 }, fc.array(octet, { minLength: 3, maxLength: 5 })).map((parts) => parts.join('.'));
  // Runs of groups around at most a couple of gaps, sometimes ending in an IPv4 address: mostly near-misses.
  const ipv6 = fc
    .tuple(fc.array(hexGroup, { maxLength: 9 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.option(ipv4))
    .map(([groups, gap, secondGap, v4]) => {
      const parts: string[] = [...groups];
      if (v4 !== null) parts.push(v4);
      let text = parts.join(':');
      if (gap <= parts.length) text = `${parts.slice(0, gap).join(':')}::${parts.slice(gap).join(':')}`;
      if (secondGap === 0) text += '::';
      return text;
    });
  const noise = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFg.:%/ '), maxLength: 40 });

  it('IPv4: the same answer on octet lists and noise', () => {
    fc.assert(fc.property(fc.oneof(ipv4, noise), (text) => isIPv4Address(text) === isIPv4(text)), { seed: 20261207, numRuns: 3000 });
  });

  it('IPv6: the same answer on group runs, gaps, IPv4 suffixes and noise', () => {
    const withoutZone = fc.oneof(ipv6, noise).filter((text) => !text.includes('%'));
    fc.assert(fc.property(withoutZone, (text) => isIPv6Address(text) === isIPv6(text)), { seed: 20261207, numRuns: 5000 });
  });

  it('the generated addresses are not all of one answer (the properties compare both ways)', () => {
    const sample = fc.sample(ipv6, { seed: 20261207, numRuns: 2000 });
    const valid = sample.filter((text) => isIPv6(text)).length;
    assert.ok(valid > 100 && valid < 1900, `${valid} of 2000 generated IPv6 texts are valid`);
  });
});
