// robots.txt and security.txt (RFC 9116) from PUBLIC_URL and SECURITY_CONTACT.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { robotsTxt, securityContacts, securityTxt } from '@/lib/server/well-known';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('robots.txt', () => {
  it('names the sitemap at PUBLIC_URL and keeps crawlers out of the back office', () => {
    vi.stubEnv('PUBLIC_URL', 'https://ratsinfo.example.de');
    const text = robotsTxt();
    expect(text).toContain('Disallow: /verwaltung\n');
    expect(text).toContain('Disallow: /_actions\n');
    expect(text.endsWith('Sitemap: https://ratsinfo.example.de/sitemap.xml\n')).toBe(true);
  });
});

describe('security.txt', () => {
  it('expires 180 days after the day it is served, and names its canonical address', () => {
    vi.stubEnv('PUBLIC_URL', 'https://ratsinfo.example.de');
    vi.stubEnv('SECURITY_CONTACT', '');
    expect(securityTxt(new Date('2026-12-02T13:45:00Z'))).toBe(
      'Contact: https://ratsinfo.example.de/impressum\nExpires: 2027-05-31T00:00:00.000Z\nPreferred-Languages: de, en\nCanonical: https://ratsinfo.example.de/.well-known/security.txt\n',
    );
  });

  it('takes contacts from SECURITY_CONTACT: e-mail addresses become mailto:, URIs stay, nonsense is left out', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(securityContacts('sicherheit@kreis.example, https://kreis.example/melden ,tel:+49-5921-960')).toEqual(['mailto:sicherheit@kreis.example', 'https://kreis.example/melden', 'tel:+49-5921-960']);
    expect(securityContacts('mailto:a@b.example')).toEqual(['mailto:a@b.example']);
    vi.stubEnv('PUBLIC_URL', 'https://ratsinfo.example.de');
    expect(securityContacts('javascript:alert(1)')).toEqual(['https://ratsinfo.example.de/impressum']);
  });
});
