// Tokenizer outputs derived by reading sacreBLEU's rules (tokenizer_re,
// _13a, _intl, _zh, _char); the 13a and zh lines were also checked
// against the same regular expressions run by CPython's `re`.
import { describe, expect, it } from 'vitest';
import { tokenize, type BleuTokenizer } from '../../src/quality/tokenizers/index.js';
import { isZhSplitChar } from '../../src/quality/tokenizers/zh.js';

const tok = (name: BleuTokenizer, line: string): string => tokenize(name, line).join(' ');

describe('13a', () => {
  it.each([
    ['Die Preise sind um 3,5 % gestiegen, sagte er.',
      'Die Preise sind um 3,5 % gestiegen , sagte er .'],
    ["L'homme a dit : « bonjour » !", "L'homme a dit : « bonjour » !"],
    ['¿Dónde está el baño?', '¿Dónde está el baño ?'],
    ['我喜欢北京。价格是3.5元！', '我喜欢北京。价格是3.5元！'],
    ['&quot;Hallo&quot; &amp; Tschüss', '" Hallo " & Tschüss'],
    ['1990-2000 und 3.5%.', '1990 - 2000 und 3.5 % .'],
    ['Er kam (spät) an.', 'Er kam ( spät ) an .'],
    ['a<skipped>b-\nc\nd', 'abc d'],
  ])('%s', (line, want) => {
    expect(tok('13a', line)).toBe(want);
  });
});

describe('intl', () => {
  it.each([
    ['¿Dónde está el baño?', '¿ Dónde está el baño ?'],
    ['Die Preise sind um 3,5 % gestiegen.', 'Die Preise sind um 3,5 % gestiegen .'],
    ['Es kostet 5€.', 'Es kostet 5 € .'],
    // mteval-v14 keeps a period after a number at the end of a line.
    ['Im Jahr 2020.', 'Im Jahr 2020.'],
    ["L'homme « bonjour »", "L ' homme « bonjour »"],
    ['東京へ行きます。', '東京へ行きます 。'],
  ])('%s', (line, want) => {
    expect(tok('intl', line)).toBe(want);
  });
});

describe('zh', () => {
  it.each([
    ['我喜欢北京。价格是3.5元！', '我 喜 欢 北 京 。 价 格 是 3.5 元 ！'],
    ['東京へ行きます。', '東 京 へ 行 きます 。'],
    // sacreBLEU's range quirks: U+2014 is split, astral CJK is not.
    ['a—b 𠀀我 ２０２０年', 'a — b 𠀀 我 ２ ０ ２ ０ 年'],
    // zh does not unescape entities (13a does).
    ['&amp;', '& amp ;'],
  ])('%s', (line, want) => {
    expect(tok('zh', line)).toBe(want);
  });

  it('splits U+2001–U+2A6D and U+2F81–U+2FA1, never an astral character', () => {
    expect(isZhSplitChar(0x2000)).toBe(false);
    expect(isZhSplitChar(0x2001)).toBe(true);
    expect(isZhSplitChar(0x2a6d)).toBe(true);
    expect(isZhSplitChar(0x2a6e)).toBe(false);
    expect(isZhSplitChar(0x3042)).toBe(false); // hiragana あ
    expect(isZhSplitChar(0x20000)).toBe(false);
  });
});

describe('char and none', () => {
  it('char yields code points, not UTF-16 units, and drops whitespace', () => {
    expect(tokenize('char', 'Ça 😀𝒜')).toEqual(['Ç', 'a', '😀', '𝒜']);
  });

  it('none splits on Python whitespace only', () => {
    expect(tokenize('none', 'a,b\u00a0c\ufeffd')).toEqual(['a,b', 'c\ufeffd']);
  });
});
