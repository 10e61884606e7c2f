import { describe, expect, it } from 'vitest';
import { ipLiteral, isLocalName, isPublicAddress } from './address-policy.ts';

describe('address policy', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '100.64.0.1',
    '169.254.169.254',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '198.18.0.1',
    '::',
    '::1',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '::127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '2002:c0a8:0101::1',
    '2001:db8::1',
    '[::1]',
  ])('blocks %s', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each([
    '93.184.215.14',
    '1.1.1.1',
    '2606:4700:4700::1111',
    '::ffff:1.1.1.1',
    '2002:0101:0101::1',
  ])('allows %s', (address) => expect(isPublicAddress(address)).toBe(true));

  it('treats non-addresses as not public', () => {
    expect(isPublicAddress('example.org')).toBe(false);
    expect(isPublicAddress('')).toBe(false);
  });

  it('normalizes decimal, short and hex IPv4 forms and bracketed IPv6', () => {
    expect(ipLiteral('2130706433')).toBe('127.0.0.1');
    expect(ipLiteral('127.1')).toBe('127.0.0.1');
    expect(ipLiteral('0x7f.0.0.1')).toBe('127.0.0.1');
    expect(ipLiteral('[::1]')).toBe('::1');
    expect(ipLiteral('example.org')).toBeUndefined();
  });

  it('knows names that always mean this machine', () => {
    expect(isLocalName('localhost')).toBe(true);
    expect(isLocalName('LOCALHOST.')).toBe(true);
    expect(isLocalName('api.localhost')).toBe(true);
    expect(isLocalName('localhost.example.org')).toBe(false);
  });
});
