import { findMarkdownProblems, renderLessonMarkdown } from './markdown';

const ALLOWED_TAGS = new Set(
  'p h2 h3 h4 h5 h6 ul ol li strong em del code pre blockquote a img table thead tbody tr th td hr br'.split(
    ' ',
  ),
);
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title', 'rel', 'target'],
  img: ['src', 'alt', 'title'],
};

/** The scheme as a browser reads it: it ignores whitespace and control characters inside. */
function schemeOf(url: string): string | null {
  const decoded = url.replace(/&#(\d+);/g, (_m, d: string) => String.fromCharCode(Number(d)));
  // eslint-disable-next-line no-control-regex
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(decoded.replace(/[\u0000-\u0020\u007f]+/g, ''));
  return m ? m[1].toLowerCase() : null;
}

/**
 * Every real tag of the output (sanitize-html escapes `<` in text, so each `<` opens one), checked
 * against the allowlist: the property that matters, whatever text survives around it.
 */
function unsafeParts(html: string): string[] {
  const found: string[] = [];
  for (const [, name, attrs] of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
    const tag = name.toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) found.push(`tag ${tag}`);
    for (const [, attr, value] of attrs.matchAll(/\s([^\s=/]+)(?:="([^"]*)")?/g)) {
      if (!(ALLOWED_ATTRIBUTES[tag] ?? []).includes(attr.toLowerCase())) {
        found.push(`${tag}[${attr}]`);
      } else if (attr === 'href') {
        const scheme = schemeOf(value ?? '');
        if (scheme !== null && !['http', 'https', 'mailto'].includes(scheme)) {
          found.push(`href ${value}`);
        }
        if (/^\s*[\\/]{2}/.test(value ?? '')) found.push(`href ${value}`);
      } else if (attr === 'src' && !/^https:\/\//.test(value ?? '')) {
        found.push(`src ${value}`);
      }
    }
  }
  return found;
}

describe('renderLessonMarkdown: hostile input', () => {
  it.each([
    ['a javascript: link', '[x](javascript:alert(1))'],
    ['mixed case', '[x](JaVaScRiPt:alert(1))'],
    ['leading space', '[x]( javascript:alert(1))'],
    ['decimal entities', '[x](&#106;avascript:alert(1))'],
    ['hex entities and &colon;', '[x](&#x6A;&#x61;vascript&colon;alert(1))'],
    ['an entity tab inside the scheme', '[x](java&#x09;script:alert(1))'],
    ['a percent-encoded scheme', '[x](%6Aavascript:alert(1))'],
    ['an autolink', '<javascript:alert(1)>'],
    ['a reference definition', '[x][1]\n\n[1]: javascript:alert(1)'],
    ['vbscript', '[x](vbscript:msgbox(1))'],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a data: image', '![](data:image/png;base64,iVBORw0KGgo=)'],
    ['an svg data: image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
    ['a javascript: image', '![x](javascript:alert(1))'],
    ['a protocol-relative link', '[x](//evil.example/)'],
    ['raw img with onerror', '<img src=x onerror=alert(1)>'],
    ['raw script', '<script>alert(1)</script>'],
    ['raw style', '<style>body { display: none }</style>'],
    ['raw svg', '<svg onload=alert(1)></svg>'],
    ['a raw anchor', '<a href="javascript:alert(1)">x</a>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['html inside link text', '[<img src=x onerror=alert(1)>](https://qadam.kz)'],
    ['a title breaking out', '[x](https://qadam.kz "a\\" onmouseover=\\"alert(1)")'],
    ['html in an image alt', '![<img src=x onerror=alert(1)>](https://qadam.kz/a.png)'],
    ['html in inline code', '`<b onmouseover=alert(1)>x</b>`'],
    ['html in a table', '| a |\n|---|\n| <img src=x onerror=alert(1)> |'],
  ])('neutralises %s', (_label, md) => {
    const html = renderLessonMarkdown(md);
    expect(unsafeParts(html)).toEqual([]);
    expect(html).not.toMatch(/<(script|style|iframe|svg)/i);
  });

  it('renders a javascript: link as plain text', () => {
    expect(renderLessonMarkdown('[x](javascript:alert(1))')).toBe(
      '<p>[x](javascript:alert(1))</p>\n',
    );
  });

  it('escapes raw HTML instead of interpreting it', () => {
    expect(renderLessonMarkdown('<img src=x onerror=alert(1)>')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt;</p>\n',
    );
  });

  it('drops data:, plain-http and relative images', () => {
    for (const md of [
      '![a](data:image/png;base64,AAAA)',
      '![a](http://x.kz/a.png)',
      '![a](a.png)',
    ]) {
      expect(renderLessonMarkdown(md)).not.toContain('<img');
    }
  });

  it('the checker itself notices unsafe output', () => {
    expect(unsafeParts('<a href="javascript:alert(1)" onclick="x">y</a><script></script>')).toEqual(
      ['href javascript:alert(1)', 'a[onclick]', 'tag script', 'tag script'],
    );
  });
});

describe('renderLessonMarkdown: ordinary content', () => {
  it('maps h1 to h2 and keeps the other headings', () => {
    expect(renderLessonMarkdown('# Бір\n\n## Екі\n\n###### Алты')).toBe(
      '<h2>Бір</h2>\n<h2>Екі</h2>\n<h6>Алты</h6>\n',
    );
  });

  it('renders lists, emphasis, strikethrough, quotes, rules and hard breaks', () => {
    const html = renderLessonMarkdown(
      '- **бір**\n- *екі*\n\n1. ~~үш~~\n\n> дәйексөз\n\n---\n\nжол  \nкелесі жол',
    );
    expect(html).toBe(
      '<ul>\n<li><strong>бір</strong></li>\n<li><em>екі</em></li>\n</ul>\n' +
        '<ol>\n<li><del>үш</del></li>\n</ol>\n' +
        '<blockquote>\n<p>дәйексөз</p>\n</blockquote>\n<hr />\n<p>жол<br />\nкелесі жол</p>\n',
    );
  });

  it('renders tables without inline styles', () => {
    const html = renderLessonMarkdown('| Сол | Оң |\n|:----|---:|\n| 1 | 2 |');
    expect(html).toContain('<table>\n<thead>\n<tr>\n<th>Сол</th>\n<th>Оң</th>');
    expect(html).toContain('<tbody>\n<tr>\n<td>1</td>\n<td>2</td>');
    expect(html).not.toContain('style');
  });

  it('renders code with its HTML escaped', () => {
    expect(renderLessonMarkdown('```html\n<b>x</b>\n```')).toBe(
      '<pre><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>\n',
    );
    expect(renderLessonMarkdown('Мысал: `a < b`')).toBe('<p>Мысал: <code>a &lt; b</code></p>\n');
  });

  it('keeps Kazakh letters as they are', () => {
    const kazakh = 'Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі';
    expect(renderLessonMarkdown(kazakh)).toBe(`<p>${kazakh}</p>\n`);
  });

  it('opens absolute links in a new tab without an opener, and leaves the others alone', () => {
    expect(renderLessonMarkdown('[ЮНЕСКО](https://unesco.org "Сайт")')).toBe(
      '<p><a href="https://unesco.org" title="Сайт" rel="noopener noreferrer" target="_blank">ЮНЕСКО</a></p>\n',
    );
    expect(renderLessonMarkdown('[курстар](/courses) [хат](mailto:info@qadam.kz)')).toBe(
      '<p><a href="/courses">курстар</a> <a href="mailto:info@qadam.kz">хат</a></p>\n',
    );
  });

  it('linkifies bare http(s) addresses', () => {
    expect(renderLessonMarkdown('Сайт: https://qadam.kz')).toBe(
      '<p>Сайт: <a href="https://qadam.kz" rel="noopener noreferrer" target="_blank">https://qadam.kz</a></p>\n',
    );
  });

  it('keeps https images with their alt text', () => {
    expect(renderLessonMarkdown('![Сызба](https://qadam.kz/a.png "Атауы")')).toBe(
      '<p><img src="https://qadam.kz/a.png" alt="Сызба" title="Атауы" /></p>\n',
    );
  });

  it('does not apply typographic replacements', () => {
    expect(renderLessonMarkdown('"a" -- (c)')).toBe('<p>"a" -- (c)</p>\n');
  });
});

describe('findMarkdownProblems', () => {
  it('reports nothing for clean content', () => {
    const md =
      '# Тақырып\n\nМәтін [сілтеме](https://qadam.kz), [ішкі](/courses), [хат](mailto:a@b.kz).\n\n' +
      '![сурет](https://qadam.kz/a.png)\n\n```\n<b>код ішінде</b>\n```\n';
    expect(findMarkdownProblems(md)).toEqual([]);
  });

  it.each([[''], ['   '], ['\n\n  \n']])('reports an empty body (%j)', (md) => {
    expect(findMarkdownProblems(md)).toEqual([{ line: 1, rule: 'markdown.empty' }]);
  });

  it('reports each problem at its 1-based line', () => {
    const md = [
      '# Тақырып', // 1
      '', // 2
      'Мұнда <b>HTML</b> бар.', // 3
      '', // 4
      '[x](JaVaScRiPt:alert(1))', // 5
      '', // 6
      '![сурет](http://qadam.kz/a.png)', // 7
      '', // 8
      'Бірінші жол', // 9
      'екінші жол [y](data:text/html,x)', // 10
      '', // 11
      '| A | B |', // 12
      '|---|---|', // 13
      '| ![](images/a.png) | ok |', // 14
      '', // 15
      '<div>', // 16
      'блок', // 17
      '</div>', // 18
      '', // 19
      '- [тізімде](//evil.example)', // 20
    ].join('\n');
    expect(findMarkdownProblems(md)).toEqual([
      { line: 3, rule: 'markdown.html', params: { tag: '<b>' } },
      { line: 5, rule: 'markdown.unsafe-link', params: { url: 'JaVaScRiPt:alert(1)' } },
      { line: 7, rule: 'markdown.image-not-https', params: { url: 'http://qadam.kz/a.png' } },
      { line: 10, rule: 'markdown.unsafe-link', params: { url: 'data:text/html,x' } },
      { line: 14, rule: 'markdown.unsafe-link', params: { url: 'images/a.png' } },
      { line: 16, rule: 'markdown.html', params: { tag: '<div>' } },
      { line: 20, rule: 'markdown.unsafe-link', params: { url: '//evil.example' } },
    ]);
  });

  it('counts hard breaks and multi-line inline HTML', () => {
    const md = 'бір\\\nекі <span\nclass="x">үш</span>\n[z](vbscript:x)';
    expect(findMarkdownProblems(md)).toEqual([
      { line: 2, rule: 'markdown.html', params: { tag: '<span>' } },
      { line: 3, rule: 'markdown.html', params: { tag: '<span>' } },
      { line: 4, rule: 'markdown.unsafe-link', params: { url: 'vbscript:x' } },
    ]);
  });

  it('sees through entity-obfuscated schemes and reports comments', () => {
    expect(findMarkdownProblems('[x](&#106;avascript:alert(1))\n\n<!-- жасырын -->')).toEqual([
      { line: 1, rule: 'markdown.unsafe-link', params: { url: 'javascript:alert(1)' } },
      { line: 3, rule: 'markdown.html', params: { tag: '<!-- -->' } },
    ]);
  });
});
