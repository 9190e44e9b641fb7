// Outreach drafts (issue #14, point 6): the pure rendering of a template, the placeholder check and the mailto:
// URL, with expected text written by hand; and the shipped templates' voice (the seed on customer communication:
// no "I will", no "you need to", signed by the CSM).
import { describe, expect, it } from 'vitest';
import {
  SHIPPED_TEMPLATES,
  TEMPLATE_IDS,
  greetingName,
  joinNames,
  mailtoUrl,
  renderTemplate,
  unknownPlaceholders,
} from '../../src/shared/outreach';

describe('renderTemplate', () => {
  it('fills every placeholder and signs with the CSM’s name and title', () => {
    const draft = renderTemplate(
      { subject: 'About {{feature}} at {{accountName}}', body: 'Hi {{firstName}},\n\n{{userNames}}: {{feature}} by {{renewalDate}} / {{qbrDate}}.\n\nThanks,\n{{csmName}}\n{{csmTitle}}' },
      {
        firstName: 'Lea and Omar',
        accountName: 'Harbor Analytics',
        feature: 'Alerts',
        userNames: 'Lea Voss and Omar Haddad',
        csmName: 'Jane Doe',
        csmTitle: 'Customer Success Manager',
        renewalDate: 'Mar 31, 2027',
        qbrDate: 'Dec 8, 2026',
      },
    );
    expect(draft).toEqual({
      subject: 'About Alerts at Harbor Analytics',
      body: 'Hi Lea and Omar,\n\nLea Voss and Omar Haddad: Alerts by Mar 31, 2027 / Dec 8, 2026.\n\nThanks,\nJane Doe\nCustomer Success Manager',
    });
  });

  it('shows a missing value as a bracketed gap and drops an empty title line', () => {
    const draft = renderTemplate({ subject: 'Renewal on {{ renewalDate }}', body: 'Hi {{firstName}},\n\nThanks,\n{{csmName}}\n{{csmTitle}}' }, { firstName: 'Maya' });
    expect(draft).toEqual({ subject: 'Renewal on [renewal date]', body: 'Hi Maya,\n\nThanks,\n[your name]' });
  });

  it('leaves an unknown placeholder as typed', () => {
    expect(renderTemplate({ subject: '{{nickname}}', body: '' }, {}).subject).toBe('{{nickname}}');
  });
});

describe('placeholders', () => {
  it('names the unknown ones once each, in order of use', () => {
    expect(unknownPlaceholders('Hi {{firstName}} {{nickname}}, {{ Company }} {{nickname}} {{}}')).toEqual(['nickname', 'Company', '']);
    expect(unknownPlaceholders('Hi {{firstName}}, {single braces} stay text')).toEqual([]);
  });
});

describe('names', () => {
  it('joins names and greets by first names, "all" past four or without names, "there" for nobody', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['Lea Voss'])).toBe('Lea Voss');
    expect(joinNames(['Lea Voss', 'Omar Haddad', 'Rosa Lind'])).toBe('Lea Voss, Omar Haddad and Rosa Lind');
    expect(greetingName([])).toBe('there');
    expect(greetingName(['Maya Brooks'])).toBe('Maya');
    expect(greetingName(['Maya Brooks', 'Tom Reyes'])).toBe('Maya and Tom');
    expect(greetingName(['a', 'b', 'c', 'd', 'e'])).toBe('all');
    expect(greetingName(['lea@harbor.example', 'Omar Haddad'])).toBe('all');
    expect(greetingName(['lea@harbor.example'])).toBe('there');
  });
});

describe('mailtoUrl', () => {
  it('lists the addresses and percent-encodes the subject and the body, line breaks as CRLF', () => {
    expect(mailtoUrl(['lea@harbor.example', 'o+x@harbor.example'], 'Q&A: 50% off?', 'Hi Lea,\n\nSee you — Jane')).toBe(
      'mailto:lea@harbor.example,o%2Bx@harbor.example?subject=Q%26A%3A%2050%25%20off%3F&body=Hi%20Lea%2C%0D%0A%0D%0ASee%20you%20%E2%80%94%20Jane',
    );
    expect(mailtoUrl([], 'Hi', 'x')).toBe('mailto:?subject=Hi&body=x');
  });
});

describe('the shipped templates', () => {
  it.each(TEMPLATE_IDS)('%s: no “I will”, no “you need to”, no "the team" sign-off; signed by the CSM', (id) => {
    const { subject, body } = SHIPPED_TEMPLATES[id];
    const text = `${subject}\n${body}`;
    expect(text).not.toMatch(/\bI will\b/i);
    expect(text).not.toMatch(/\bI['’]ll\b/i);
    expect(text).not.toMatch(/\byou need to\b/i);
    expect(text).not.toMatch(/the .* team$/im);
    expect(body).toMatch(/\{\{csmName\}\}\n\{\{csmTitle\}\}$/);
    expect(body.startsWith('Hi {{firstName}},')).toBe(true);
    expect(unknownPlaceholders(text)).toEqual([]);
  });
});
