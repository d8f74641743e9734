import { decodeXmlEntities, htmlToText, textToHtml } from './html-text';
import { readRubricNote, rubricNoteComment, type RubricNote } from './rubric-note';

describe('htmlToText', () => {
  it('turns paragraphs, list items and <br> into line breaks and drops other tags', () => {
    expect(
      htmlToText(
        '<p>First <b>bold</b>\n   line<br/>second</p><ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>',
      ).text,
    ).toBe('First bold line\nsecond\n\none\ntwo\n\na b');
  });

  it('decodes entities after removing tags, so escaped markup stays text', () => {
    expect(
      htmlToText('&lt;b&gt;not bold&lt;/b&gt; &amp;&nbsp;&#1178;&#x4D8; &laquo;x&raquo; &bogus;')
        .text,
    ).toBe('<b>not bold</b> & ҚӘ «x» &bogus;');
  });

  it('keeps a lone < that starts no tag', () => {
    expect(htmlToText('1 < 2 and 3 <4').text).toBe('1 < 2 and 3 <4');
  });

  it('drops scripts, styles and comments with their content', () => {
    expect(
      htmlToText('<style>p{color:red}</style>A<!-- hidden --><script>alert(1)</script>B<!-- open')
        .text,
    ).toBe('AB');
  });

  it('names the images it drops', () => {
    expect(
      htmlToText(
        '<img src="@@PLUGINFILE@@/my%20pic.png?x=1"><img alt="x" src=\'https://e.org/a/b.jpg\'><img>',
      ).images,
    ).toEqual(['my pic.png', 'https://e.org/a/b.jpg', '?']);
  });

  it('stays linear on hostile input', () => {
    const started = Date.now();
    htmlToText('<a '.repeat(200_000) + '<!--'.repeat(100_000) + '<script'.repeat(50_000));
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('textToHtml', () => {
  it('is undone by htmlToText', () => {
    const text = 'a < b & "c"\nline two\n\nЕкінші абзац';
    expect(textToHtml(text)).toBe(
      '<p>a &lt; b &amp; &quot;c&quot;<br>line two</p><p>Екінші абзац</p>',
    );
    expect(htmlToText(textToHtml(text)).text).toBe(text);
    expect(textToHtml('  ')).toBe('');
  });
});

describe('decodeXmlEntities', () => {
  it('knows only the five XML entities and numeric references', () => {
    expect(
      decodeXmlEntities('&lt;&gt;&amp;&quot;&apos; &#65;&#x42; &nbsp; &xxe; &#0; &#xD800;'),
    ).toBe('<>&"\' AB &nbsp; &xxe; &#0; &#xD800;');
  });
});

describe('rubric notes', () => {
  const note: RubricNote = {
    type: 'task',
    maxLength: 300,
    rubric: {
      criteria: [
        {
          id: 'x',
          title: { kk: 'Мазмұны' },
          competencies: ['unesco-cft:1.1'],
          levels: [
            { id: 'y', title: { kk: 'Жоқ' }, points: 0 },
            { id: 'z', title: { kk: 'Бар' }, points: 2, meets: true },
          ],
        },
      ],
    },
  };
  const encode = (body: unknown) =>
    `<!-- qadam-rubric:${Buffer.from(JSON.stringify(body)).toString('base64')} -->`;

  it('reads back what it wrote, with ids renumbered', () => {
    expect(readRubricNote(`<p>Rubric</p>${rubricNoteComment(note)}`)).toEqual({
      ...note,
      rubric: {
        criteria: [
          {
            ...note.rubric.criteria[0],
            id: 'c1',
            levels: [
              { id: 'c1-l1', title: { kk: 'Жоқ' }, points: 0 },
              { id: 'c1-l2', title: { kk: 'Бар' }, points: 2, meets: true },
            ],
          },
        ],
      },
    });
  });

  it('ignores notes that are not exactly right', () => {
    const good = { v: 1, ...note };
    const criterion = note.rubric.criteria[0];
    const bad: unknown[] = [
      { ...good, v: 2 },
      { ...good, type: 'single' },
      { ...good, maxLength: 0 },
      { ...good, rubric: { criteria: [] } },
      { ...good, rubric: { criteria: [{ ...criterion, levels: [criterion.levels[0]] }] } },
      { ...good, rubric: { criteria: [{ ...criterion, title: { de: 'Inhalt' } }] } },
      { ...good, rubric: { criteria: [{ ...criterion, competencies: ['nope'] }] } },
      {
        ...good,
        rubric: {
          criteria: [
            { ...criterion, levels: [...criterion.levels, { title: { kk: 'x' }, points: 101 }] },
          ],
        },
      },
    ];
    for (const body of bad) expect(readRubricNote(encode(body))).toBeNull();
    expect(readRubricNote('<!-- qadam-rubric:bm90IGpzb24= -->')).toBeNull();
    expect(readRubricNote('<p>no note</p>')).toBeNull();
  });
});
