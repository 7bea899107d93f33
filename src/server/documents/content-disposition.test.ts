import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition.ts';

describe('contentDisposition', () => {
  it('is an attachment with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('ticket.pdf')).toBe(
      `attachment; filename="ticket.pdf"; filename*=UTF-8''ticket.pdf`,
    );
    expect(contentDisposition('Flugticket März (1).pdf')).toBe(
      `attachment; filename="Flugticket Marz (1).pdf"; filename*=UTF-8''Flugticket%20M%C3%A4rz%20%281%29.pdf`,
    );
  });

  it('falls back to a neutral ASCII name when nothing of the name is ASCII', () => {
    expect(contentDisposition('جواز.pdf')).toMatch(
      /^attachment; filename="document\.pdf"; filename\*=UTF-8''%D8/,
    );
  });

  it('never lets a quote or a backslash break out of the quoted name', () => {
    const h = contentDisposition('a"b\\c;d.pdf');
    expect(h).toContain('filename="a_b_c_d.pdf"');
    expect(h).toContain("filename*=UTF-8''a%22b%5Cc%3Bd.pdf");
  });
});
