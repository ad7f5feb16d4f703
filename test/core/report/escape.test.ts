import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import {
  csvField,
  escapeHtml,
  escapeMarkdown,
  htmlLink,
  markdownLink,
  neutraliseFormula,
  safeHttpUrl,
} from '../../../electron/core/report/escape';
import { HOSTILE } from './fixture';

const markdown = new MarkdownIt({ html: true, linkify: true });

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters and nothing else', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(HOSTILE.cyrillic)).toBe(HOSTILE.cyrillic);
    expect(escapeHtml(HOSTILE.emoji)).toBe(HOSTILE.emoji);
  });
});

describe('links', () => {
  it.each([
    ['javascript:alert(1)', null],
    [' JaVaScRiPt:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['file:///etc/passwd', null],
    ['/relative/path', null],
    ['vbscript:msgbox', null],
    ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['http://example.org', 'http://example.org/'],
  ])('safeHttpUrl(%j) -> %j', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });

  it('makes <a> only for http(s), with rel="noopener noreferrer"', () => {
    expect(htmlLink('javascript:alert(1)', '<b>x</b>')).toBe('&lt;b&gt;x&lt;/b&gt;');
    expect(htmlLink('https://example.org/?q="x"', 'ok')).toBe(
      '<a href="https://example.org/?q=%22x%22" rel="noopener noreferrer" target="_blank">ok</a>',
    );
  });

  it('markdownLink renders a link only for http(s) and cannot be broken out of', () => {
    const bad = markdown.render(markdownLink('javascript:alert(1)', 'x'));
    expect(bad).not.toContain('<a');
    const good = markdown.render(markdownLink('https://example.org/a_(b)<c>', '[label](javascript:x)'));
    expect(good).toMatch(/^<p><a href="https:\/\/example\.org\/a_\(b\)%3Cc%3E">\[label\]\(javascript:x\)<\/a><\/p>\n$/);
  });
});

describe('escapeMarkdown', () => {
  it.each(Object.entries(HOSTILE))('keeps the %s payload as plain text', (_name, payload) => {
    const html = markdown.render(escapeMarkdown(payload));
    expect(html).not.toMatch(/<(script|img|style|h\d|ul|ol|blockquote|code|em|strong|table|hr)\b/i);
    expect(html).not.toContain('<!--');
    // A GFM renderer may still autolink a bare http(s) address in the text; nothing else becomes a link.
    for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\//);
  });

  it('keeps the words readable', () => {
    const html = markdown.render(escapeMarkdown('# Not a heading\n1. not a list\n*not emphasis* and a_b_c'));
    expect(html).toBe('<p># Not a heading<br>\n1. not a list<br>\n*not emphasis* and a_b_c</p>\n');
  });
});

describe('CSV cells', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+cmd', "'+cmd"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'=1"], // the carriage return is dropped as a control character; what is left is still a formula
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
  ])('csvField(%j) -> %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('neutralises only the formula prefixes', () => {
    for (const p of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${p}x`)).toBe(`'${p}x`);
    for (const p of ['a', ' ', "'", '1', '€']) expect(neutraliseFormula(`${p}x`)).toBe(`${p}x`);
  });

  it('writes numbers, booleans and nulls as plain values', () => {
    expect([csvField(-3), csvField(true), csvField(null), csvField(undefined)]).toEqual(['-3', 'true', '', '']);
  });
});

describe('formula neutralising after leading whitespace', () => {
  it('neutralises =, +, -, @ after spaces, line feeds, tabs, no-break or zero-width spaces', () => {
    for (const v of [' =1+1', '  @SUM(A1)', '\n=HYPERLINK("http://x")', '\n\n-2+3', ' \t+cmd', '\u00a0=x', '\u200b=x', '\u3000=x'])
      expect(neutraliseFormula(v), JSON.stringify(v)).toBe(`'${v}`);
    expect(csvField(' =1+1')).toBe("' =1+1");
    expect(csvField('\n=cmd')).toBe('"\'\n=cmd"');
  });

  it('leaves text that merely starts with whitespace alone', () => {
    for (const v of [' x', '  157 drones', ' a=b', '\u00a0x']) expect(neutraliseFormula(v)).toBe(v);
  });
});

describe('bidi and zero-width controls on export', () => {
  it('are shown as \\uXXXX in HTML, Markdown and CSV instead of reordering the text', () => {
    const spoof = 'invoice\u202Efdp.exe and a zero\u200Bwidth';
    expect(escapeHtml(spoof)).toBe('invoice\\u202Efdp.exe and a zero\\u200Bwidth');
    expect(escapeMarkdown(spoof)).toBe('invoice\\\\u202Efdp.exe and a zero\\\\u200Bwidth');
    expect(csvField(spoof)).toBe('invoice\\u202Efdp.exe and a zero\\u200Bwidth');
    expect(csvField('\u2067=1+1')).toBe('\\u2067=1+1'); // revealed first: no longer a formula
  });

  it('keep the joiners that Persian, Indic scripts and emoji need', () => {
    const text = 'می\u200Cخواهم 👩\u200D💻';
    expect(escapeHtml(text)).toBe(text);
    expect(csvField(text)).toBe(text);
  });
});

describe('safeJson', () => {
  it('writes bidi, zero-width and C1 characters as \\u escapes that parse back unchanged', async () => {
    const { safeJson } = await import('../../../electron/core/report/json-text');
    const value = { text: 'a\u202Eb\u200Bc\u009bd' };
    const json = safeJson(value);
    expect(json).not.toMatch(/[\u202E\u200B\u009b]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
