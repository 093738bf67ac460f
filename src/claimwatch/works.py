"""One model of a work for every kind of evidence: OpenAlex records and curated records alike.

Works are plain slotted dataclasses, not pydantic models: a check reads millions of them, and
they are built once from records already checked at import. Every work carries its Origin, so
each finding can be traced to the line it came from.
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import functools
import html
import html.entities
import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import ids

NOT_OPENALEX_FIELDS = frozenset({"abstract"})
"""Fields read from a work record that OpenAlex does not have (a plain abstract, as other
exports give it): never asked of the API."""

_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
# Characters that show nothing (a soft hyphen, zero-width spaces and joiners, a word joiner, a
# byte-order mark): names are read both through them ("Insti\u00adtute" is "Institute") and
# parted by them, every engine alike (evaluate/_names.py, columnar/_table.py); topic phrases are
# read through them only, as a reader reads the text ("face\u200brecognition" is
# "facerecognition", which "face recognition" matches; "sur\u00adface" is "surface", which
# "face" does not), every engine alike (evaluate/_phrases.py, columnar/_table.py).
# Tag characters (U+E0000 to U+E007F) show nothing either, and can hide inside a name.
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\U000e0000-\U000e007f]")


# What affiliations and names write for an apostrophe inside a word ("Xi'an"): the apostrophe, the
# right and left quotation marks, the modifier letter apostrophe ("Xi\u02bcan"), a backtick, an
# acute accent and a prime as typed or set for one ("Xi`an", "Xi\u00b4an", "Xi\u2032an"), and the
# fullwidth apostrophe. Such a word is read as written and as one word without it ("Xian"), by
# names and the query's search forms alike (evaluate/_names.py, columnar/_table.py).
APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4\u2032\uff07"
INNER_APOSTROPHE = re.compile(f"(?<=[^\\W_])[{APOSTROPHES}](?=[^\\W_])")


# A hyphen inside a word, as a reader sees one (the hyphen-minus, the Unicode hyphen, the
# non-breaking one, the small and the fullwidth hyphen-minus): "North\u2010western". Names are
# read with such a word written as one too ("Northwestern"), by the matcher and the query's
# search forms alike (evaluate/_names.py, columnar/_table.py); a soft hyphen shows nothing and
# is read through (`INVISIBLE`).
INNER_HYPHEN = re.compile("(?<=[^\\W_])[-\u2010\u2011\ufe63\uff0d](?=[^\\W_])")


def has_invisible(text: str) -> bool:
    """Whether `text` holds a character that shows nothing (an ASCII text never does: told first,
    cheaply)."""
    return not text.isascii() and INVISIBLE.search(text) is not None


def read_through_invisible(text: str) -> str:
    """`text` without its characters that show nothing."""
    return INVISIBLE.sub("", text) if has_invisible(text) else text


# Dashes a reader takes for a hyphen (a Unicode hyphen, a non-breaking one, a figure dash, an en
# dash, a minus sign, the small and the fullwidth hyphen-minus), the Turkish capital dotted I,
# which lower() writes as "i" and a combining dot above (U+0307), and what typesetting writes for
# an apostrophe (the right and left single quotation marks, the modifier letter apostrophe, a
# prime): read as "-", as "I" and as "'"; and the dashes an em dash's reading takes in (a horizontal
# bar, the two- and three-em dashes) as an em dash, at which spaCy cuts words as it does not at them:
# "Face recognition\u2015a survey" was one word "recognition\u2015a", the phrase lost. A phrase's "People's" is a title's "People\u2019s", which
# spaCy cut "People", "\u2019s" against the phrase's "'s" (and "People\u02bcs" not at all): no
# "People's Liberation Army" was found in the form most titles write it.
_TYPESET_APOSTROPHES = "\u2019\u2018\u02bc\u2032"
READ_AS_HYPHENS = "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"
# Each of them as the hyphen it is read as, one character for one, for `str.translate`.
HYPHENS_AS_READ = str.maketrans(dict.fromkeys(READ_AS_HYPHENS, "-"))
_READ_AS_EM_DASHES = "\u2015\u2e3a\u2e3b"
_AS_READ = str.maketrans(
    {
        **dict.fromkeys(READ_AS_HYPHENS, "-"),
        **dict.fromkeys(_READ_AS_EM_DASHES, "\u2014"),
        "\u0130": "I",
        **dict.fromkeys(_TYPESET_APOSTROPHES, "'"),
    }
)
_READ_OTHERWISE = re.compile(f"[{READ_AS_HYPHENS}{_READ_AS_EM_DASHES}\u0130\u0307{_TYPESET_APOSTROPHES}]")


# Markup OpenAlex carries over from publishers in titles and abstracts (HTML, JATS, MathML):
# "Deep <i>face</i> recognition", "<jats:italic>Face recognition</jats:italic>", "CO<sub>2</sub>".
# spaCy keeps a closing tag on the word before it ("face</i"), so such a phrase was missed, and
# splits an opening one from the word after it, so "<b>Sur</b>face recognition" gave a certain
# "face recognition". A formatting tag is read as nothing, as a reader of the rendered text sees
# it ("Surface"); a tag that sets words apart within a line (a line break, a reference mark:
# "recognition<sup>1</sup>") as a space; one that ends a block (a paragraph, a heading, a
# section: "...the face</jats:p><jats:p>Recognition...") as a pilcrow between spaces, which no
# phrase runs across. Only these names, written as tags are (attributes quoted), so "x<i and j>y"
# in plain text stays as written; names of more than one letter besides HTML's, JATS's and
# MathML's inline ones, since a tag left unread is cut from the word after it: Scopus-derived
# titles write a subscript as <inf> ("Al<inf>2</inf>O<inf>3</inf>"), and "<inf>Sur</inf>face"
# gave a certain "face".
_TAGS_AS_NOTHING = (
    "a abbr alternatives annotation b bdi bdo big bold cite code del dfn em font i ins italic inline-formula "
    "kbd maction math menclose merror mfenced mfrac mi mmultiscripts mn mo monospace mover mpadded mphantom "
    "mprescripts mroot mrow ms msqrt mspace mstyle msub msubsup msup mtext munder munderover named-content nobr "
    "overline roman s samp sans-serif sc scp semantics small span strike strong styled-content tt u underline wbr"
)
_TAGS_AS_SPACE = "br break email ext-link inf inline-graphic mlabeledtr mtable mtd mtr sub sup tex-math uri xref"
_TAGS_AS_BLOCK = (
    "abstract article blockquote boxed-text caption center dd def-item def-list disp-formula disp-quote div dl "
    "dt fig fn footer graphic h1 h2 h3 h4 h5 h6 header hr label li list list-item ol p pre sec section subtitle "
    "table tbody td th title tr ul"
)
BLOCK_END = "\u00b6"
"""What a block's end is read as: a pilcrow, the one character of a JATS abstract's reading that
is not ASCII (`ascii_but_block_ends`)."""
_TAG_READING = {
    **dict.fromkeys(_TAGS_AS_NOTHING.split(), ""),
    **dict.fromkeys(_TAGS_AS_SPACE.split(), " "),
    **dict.fromkeys(_TAGS_AS_BLOCK.split(), f" {BLOCK_END} "),
}
_TAG_NAMES = "|".join(sorted(_TAG_READING, key=lambda n: (-len(n), n)))
_MARKUP = re.compile(
    rf"</?(?:(?:jats|mml|m|html|xhtml):)?({_TAG_NAMES})"
    r"""(?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))*\s*/?>"""
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",
    re.IGNORECASE,
)


# Tags that stand alone, which no closing tag follows.
_STANDS_ALONE = frozenset({"br", "break", "graphic", "hr", "inline-graphic", "wbr"})
BARE_TAG = re.compile(r"<([A-Za-z][A-Za-z-]*)>")
# A bare tag as written in a text, or escaped as a "<" of the text is in XML ("a&lt;b&gt;c",
# "&amp;lt;b&amp;gt;", "&#60;b&#62;"), or half escaped, as XML need not escape a ">" ("a&lt;b>c",
# "a<b&gt;c"): an escaped one is read as a tag too (`without_markup`).
BARE_TAG_WRITTEN = re.compile(
    r"(?:<|&(?:(?:amp|AMP);)*(?:lt|LT|#0*60|#[xX]0*3[cC]);)[A-Za-z][A-Za-z-]*"
    r"(?:>|&(?:(?:amp|AMP);)*(?:gt|GT|#0*62|#[xX]0*3[eE]);)"
)
_PREFIX = "(?:(?:jats|mml|m|html|xhtml):)?"


def _markup_edits(text: str, literal: bool) -> list[tuple[int, int, str]]:
    """Where `text`'s markup stands (`_MARKUP`, and LaTeX: `_latex_edits`) and what each is read
    as: a tag as nothing, a space or a block's end; an entity (&amp;, &nbsp;, &#8208;) as its
    character, where it is one (`_read_entity`). With `literal`, a tag that may be the text's
    own characters (`_may_be_text`) is left as written."""
    edits = _html_edits(text, literal) if "<" in text or "&" in text else []
    if "\\" in text or "$" in text or "{" in text or "~" in text:
        edits = _without_overlaps(sorted(edits + _latex_edits(text)))
    if literal and may_hold_letter_scripts(text):
        edits = _scripts_apart(text, edits)
    if literal and "</" in text and (apart := mathml_tokens_side_by_side(text)):
        edits = _tokens_apart(edits, apart)
    return edits


# MathML's tokens side by side with no space between (an identifier, a number, an operator or
# text: "<mml:mi>x</mml:mi><mml:mtext>face recognition</mml:mtext>") render with none, so every tag
# inside a formula is read as nothing: "xface recognition", the phrase lost. But they are two
# tokens, a variable and text, as often as one word spelt letter by letter ("<mml:mi>C</mml:mi>
# <mml:mi>O</mml:mi>"): the text's other reading (`reads_two_ways`) sets them apart by a space,
# which a phrase joins as it joins "C O 2", so a phrase only one reading holds is a doubt.
_MATHML_TOKEN_NAMES = "mi|mn|mo|mtext|ms"
_TOKENS_SIDE_BY_SIDE = re.compile(
    rf"(?<=[^\W_])(</{_PREFIX}(?:{_MATHML_TOKEN_NAMES})\s*>)"
    rf"(?:\s*</?{_PREFIX}(?:mrow|mstyle)(?:\s[^<>]*)?>)*\s*"
    rf"<{_PREFIX}(?:{_MATHML_TOKEN_NAMES})(?:\s[^<>]*)?>(?=[^\W_])",
    re.IGNORECASE,
)


def mathml_tokens_side_by_side(text: str) -> list[tuple[int, int]]:
    """Where two MathML tokens, each with a letter or a digit at the edge, stand side by side in
    `text` with only rows between (`_TOKENS_SIDE_BY_SIDE`): the first's closing tag, in order."""
    if "<" not in text:
        return []
    found = list(_TOKENS_SIDE_BY_SIDE.finditer(text))
    junctions = _script_junctions(text) if found else []
    # A script's base and script are set apart as a script is (`_mathml_scripts`), not so. The
    # junctions in order, the first past a closing tag's start found by bisection: a formula of
    # thousands of tokens and scripts is read in time in proportion, not their product.
    return [m.span(1) for m in found if not _a_junction_within(junctions, m.start(1), m.end())]


def _a_junction_within(junctions: list[int], after: int, up_to: int) -> bool:
    """Whether a junction of sorted `junctions` lies past `after` and at `up_to` or before."""
    k = bisect.bisect_right(junctions, after)
    return k < len(junctions) and junctions[k] <= up_to


def _script_junctions(text: str) -> list[int]:
    """Where each MathML script's child but the last ends (`_MATHML_SCRIPT`, `_mathml_children`),
    in order."""
    out = []
    for m in _MATHML_SCRIPT.finditer(text):
        children = _mathml_children(text, m.end(), 3 if m.group(1).lower() == "msubsup" else 2)
        out += [c.end() for c in children[:-1]]
    return sorted(out)


def _tokens_apart(edits: list[tuple[int, int, str]], apart: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """`edits`, each closing tag in `apart` read as a space."""
    spaced = set(apart)
    return [(b, e, " " if (b, e) in spaced else read) for b, e, read in edits]


# Letters set as a subscript or a superscript ("fa$_{ce}$", "fa<sub>ce</sub>",
# "fa\\textsubscript{ce}") are read with a space about them, as "CO$_2$" is "CO 2", which a
# phrase joins as it joins "re identification": "face recognition" was found certain where a
# reader sees "fa" with "ce" set below it, no word "face". "NO$_x$" is "NOx", a formula's count
# (`_is_a_formulas_count`), and joined in both readings. The text's other reading (`reads_two_ways`) sets such a script apart from the words
# beside it, as a block's end is, so a phrase found only by joining a script's letters to them
# is a doubt; a script of digits ("CO$_2$") is joined in both.
# A script's tag whose content holds a letter, and a math mark before one (or a command's name):
# a test that most scripts, of digits ("CO<sub>2</sub>", "CO$_2$"), pass without a second reading.
_SCRIPT_TAG = re.compile(rf"<{_PREFIX}(?:sub|sup|inf)\b[^<>]*>[^<]*?[^\W\d_]", re.IGNORECASE)
_MATH_MARK_BEFORE_A_LETTER = re.compile(r"[_^]\s*(?:\{[^}]*?[^\W\d_]|\\?[^\W\d_])")
_HTML_SCRIPT = re.compile(
    rf"""(<({_PREFIX}(?:sub|sup|inf))(?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))*\s*>)"""
    r"([^<]*)(</\2\s*>)",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"&[#A-Za-z0-9]+;")
_COMMAND_NAME = re.compile(r"\\[A-Za-z]+")
_APART = f" {BLOCK_END} "
# MathML sets a script as an element's second child (and third, <msubsup>'s superscript), its
# first the base: "<mml:msub><mml:mi>fa</mml:mi><mml:mi>ce</mml:mi></mml:msub>" is "fa" with "ce"
# set below it, as OpenAlex abstracts carry formulas from publishers' JATS. Every tag inside a
# formula is read as nothing, so it read "face", a certain "face recognition": read as the other
# forms are. A child is a token element (an identifier, number, operator or text) or a row of them.
_MATHML_SCRIPT = re.compile(rf"<{_PREFIX}(msub|msup|msubsup)(?:\s[^<>]*)?>", re.IGNORECASE)
_MATHML_TOKEN = rf"<{_PREFIX}(?:mi|mn|mo|mtext|ms)(?:\s[^<>]*)?>[^<]*</{_PREFIX}(?:mi|mn|mo|mtext|ms)\s*>"
_MATHML_CHILD = re.compile(
    rf"\s*(?:{_MATHML_TOKEN}|<{_PREFIX}mrow(?:\s[^<>]*)?>(?:\s*{_MATHML_TOKEN})*\s*</{_PREFIX}mrow\s*>)",
    re.IGNORECASE,
)
_MATHML_CLOSE = re.compile(rf"\s*(</{_PREFIX}(msub|msup|msubsup)\s*>)", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")


def may_hold_letter_scripts(text: str) -> bool:
    """Whether `text` may set letters as a subscript or a superscript (`_scripts_apart`): told
    cheaply, by a script's tag holding a letter, a script's command, or a math mark before a
    letter or a command beside a formula's delimiter."""
    if "<" in text and (_SCRIPT_TAG.search(text) or _MATHML_SCRIPT.search(text)):
        return True
    if "\\text" in text and "script" in text:
        return True
    return (
        ("$" in text or "\\(" in text)
        and ("_" in text or "^" in text)
        and bool(_MATH_MARK_BEFORE_A_LETTER.search(text))
    )


def _holds_a_letter(script: str) -> bool:
    """Whether a script's content, its commands and entities left out, holds a letter."""
    return any(c.isalpha() for c in _ENTITY.sub("", _COMMAND_NAME.sub("", script)))


def _scripts_apart(text: str, edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`edits`, with each script holding a letter set apart from the words it touches: its
    opening or its end read as a block's end (`_APART`)."""
    apart = {span: read for _, script in _letter_scripts(text) for span, read in script}
    if not apart:
        return edits
    kept = [(b, e, apart.pop((b, e), read)) for b, e, read in edits]
    return _without_overlaps(sorted(kept + [(b, e, read) for (b, e), read in apart.items()]))


def letter_script_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` sets letters as a subscript or a superscript touching a word (`_scripts_apart`),
    from the script's mark or opening tag to its end, in order."""
    if not may_hold_letter_scripts(text):
        return []
    return sorted(whole for whole, _ in _letter_scripts(text))


# A script as where it stands whole and the edits that set it apart from the words it touches.
_Script = tuple[tuple[int, int], list[tuple[tuple[int, int], str]]]
_MATH_SCRIPT = re.compile(r"(?<!\\)[_^]\s*(?:(\{)|(\\[A-Za-z]+)|(.))", re.DOTALL)
_FORMULAS_OWN = "${}()\\"  # a formula's delimiters and braces, which stand between a script and a word


def _letter_scripts(text: str) -> list[_Script]:
    """The scripts of `text` holding a letter and touching a word, each with its opening (a
    tag, a command or a math mark) and its end (a closing tag or brace, or a letter written
    alone after the mark, read with a block's end after it), where each touches one
    (`_touches`), and what it is read as apart (`_scripts_apart`). A script standing as a
    word of its own ("Deep <inf>face</inf> recognition") joins none."""
    found: list[tuple[tuple[int, int], tuple[int, int], str]] = []  # opening, end, the end read apart
    for m in _HTML_SCRIPT.finditer(text):
        if _holds_a_letter(m.group(3)):
            found.append((m.span(1), m.span(4), _APART))
    scripts = _mathml_scripts(text) if "<" in text else []
    pairs: dict[int, int] | None = None
    for m in _SCRIPT_COMMAND.finditer(text):
        pairs = _brace_pairs(text) if pairs is None else pairs
        close = pairs.get(m.end() - 1)
        if close is not None and _holds_a_letter(text[m.end() : close]):
            found.append((m.span(), (close, close + 1), _APART))
    for math in _MATH.finditer(text):
        inside = (math.start(2), math.end(2)) if math.group(2) is not None else (math.start(3), math.end(3))
        for m in _MATH_SCRIPT.finditer(text, *inside):
            mark = (m.start(), m.start() + 1)
            if m.group(1) is not None:
                close = _closing_brace(text, m.start(1), inside[1])
                if close is not None and _holds_a_letter(text[m.end() : close]):
                    found.append((mark, (close, close + 1), _APART))
            elif m.group(3) is not None and m.group(3).isalpha():
                found.append((mark, m.span(3), m.group(3) + _APART))
    for opening, end, end_apart in found:
        if _counts_a_formulas_atoms(text, opening, end):
            continue  # "NO$_x$" is "NOx", read so both ways
        edits = [(opening, _APART)] if _touches(text, opening[0], -1) else []
        edits += [(end, end_apart)] if _touches(text, end[1], 1) else []
        if edits:
            scripts.append(((opening[0], end[1]), edits))
    return scripts


def _mathml_scripts(text: str) -> list[_Script]:
    """MathML's scripts holding a letter (`_MATHML_SCRIPT`) and touching a word, each set apart
    at the script's first tag where the base ends in a letter or a digit, and at the element's
    closing tag where one follows it, only tags between."""
    scripts: list[_Script] = []
    for m in _MATHML_SCRIPT.finditer(text):
        name = m.group(1).lower()
        children = _mathml_children(text, m.end(), 3 if name == "msubsup" else 2)
        close = _MATHML_CLOSE.match(text, children[-1].end()) if children else None
        if close is None or close.group(2).lower() != name:
            continue
        base, *said = [_read_entities(_TAG.sub("", c.group())).strip() for c in children]
        if name == "msub" and _is_a_formulas_count(base, said[0]):
            continue  # "<mml:msub><mml:mi>NO</mml:mi><mml:mi>x</mml:mi></mml:msub>" is "NOx"
        lettered = [child for child, script in zip(children[1:], said, strict=True) if _holds_a_letter(script)]
        if not lettered:
            continue
        edits: list[tuple[tuple[int, int], str]] = []
        if base[-1:].isalnum():
            edits += [(tag.span(), _APART) for child in lettered if (tag := _TAG.search(text, child.start()))]
        after = close.end()
        while (tag := _TAG.match(text, after)) is not None:
            after = tag.end()
        if after < len(text) and text[after].isalnum():
            edits.append((close.span(1), _APART))
        if edits:
            scripts.append(((m.start(), close.end()), edits))
    return scripts


# A chemical formula's count given as a variable ("NO$_x$", "SO<sub>x</sub>", "TiO$_{y}$", as
# nitrogen and sulphur oxides and non-stoichiometric oxides are written): a subscript of one
# such letter after two or more element symbols is read as the formula's own, "NOx", both ways.
# Not "fa$_{ce}$" (no symbols, two letters), nor a single symbol ("N$_x$", a physicist's count),
# nor an acronym of three capitals or more (`_AN_ACRONYM`).
_ELEMENTS = frozenset(
    [
        "H",
        "He",
        "Li",
        "Be",
        "B",
        "C",
        "N",
        "O",
        "F",
        "Ne",
        "Na",
        "Mg",
        "Al",
        "Si",
        "P",
        "S",
        "Cl",
        "Ar",
        "K",
        "Ca",
        "Sc",
        "Ti",
        "V",
        "Cr",
        "Mn",
        "Fe",
        "Co",
        "Ni",
        "Cu",
        "Zn",
        "Ga",
        "Ge",
        "As",
        "Se",
        "Br",
        "Kr",
        "Rb",
        "Sr",
        "Y",
        "Zr",
        "Nb",
        "Mo",
        "Tc",
        "Ru",
        "Rh",
        "Pd",
        "Ag",
        "Cd",
        "In",
        "Sn",
        "Sb",
        "Te",
        "I",
        "Xe",
        "Cs",
        "Ba",
        "La",
        "Ce",
        "Pr",
        "Nd",
        "Pm",
        "Sm",
        "Eu",
        "Gd",
        "Tb",
        "Dy",
        "Ho",
        "Er",
        "Tm",
        "Yb",
        "Lu",
        "Hf",
        "Ta",
        "W",
        "Re",
        "Os",
        "Ir",
        "Pt",
        "Au",
        "Hg",
        "Tl",
        "Pb",
        "Bi",
        "Po",
        "At",
        "Rn",
        "Fr",
        "Ra",
        "Ac",
        "Th",
        "Pa",
        "U",
        "Np",
        "Pu",
        "Am",
        "Cm",
        "Bk",
        "Cf",
        "Es",
        "Fm",
        "Md",
        "No",
        "Lr",
    ]
)
_SYMBOLS = re.compile(r"(?:[A-Z][a-z]?\d*){2,}")
_LAST_WORD = re.compile(r"[^\W_]*$")
_SYMBOL = re.compile(r"[A-Z][a-z]?")
_COUNT_LETTERS = frozenset("xyzn\u03b4")  # x, y, z, n, delta


def _is_a_formulas_count(base: str, script: str) -> bool:
    """Whether `script`, set below `base`, is a chemical formula's count as a variable: one of
    `_COUNT_LETTERS` after a word of two or more element symbols (`_ELEMENTS`)."""
    word = _LAST_WORD.search(base)
    return (
        script.strip("{} ") in _COUNT_LETTERS
        and word is not None
        and _SYMBOLS.fullmatch(word.group()) is not None
        and all(m.group() in _ELEMENTS for m in _SYMBOL.finditer(word.group()))
        and not _AN_ACRONYM.fullmatch(word.group())
    )


# Three capitals or more alone, no digit and no small letter, are an acronym as often as symbols
# ("CNN", "BCI", "HPC" with an index below: the n-th network), where formulas with a count write
# two symbols ("NOx", "CFx") or a small letter ("SiNx", "MoOx"): read two ways, as before.
_AN_ACRONYM = re.compile(r"[A-Z]{3,}")


def _counts_a_formulas_atoms(text: str, opening: tuple[int, int], end: tuple[int, int]) -> bool:
    """Whether the subscript from `opening` to `end` (LaTeX's or HTML's) is a chemical formula's
    count as a variable (`_is_a_formulas_count`), the word before it its base."""
    mark = text[opening[0] : opening[1]]
    if not (mark == "_" or mark.lower().startswith(("<sub", "<inf", "<jats:sub", "\\textsubscript"))):
        return False
    k = opening[0]
    while k > 0 and text[k - 1] in _FORMULAS_OWN:
        k -= 1
    start = k
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    script = _TAG.sub("", text[opening[1] : end[1]])  # "x", "{x}", "x}", "x</sub>"
    after = end[1]
    while after < len(text) and text[after] in _FORMULAS_OWN:
        after += 1
    goes_on = after < len(text) and text[after].islower()  # "Fa$_x$ce": no formula goes on so
    return start < k and not goes_on and _is_a_formulas_count(text[start:k], script)


def _mathml_children(text: str, at: int, count: int) -> list[re.Match[str]]:
    """`count` MathML children (`_MATHML_CHILD`) one after another from `at`; none where fewer."""
    children = []
    for _ in range(count):
        child = _MATHML_CHILD.match(text, at)
        if child is None:
            return []
        children.append(child)
        at = child.end()
    return children


def _read_entities(text: str) -> str:
    return _ENTITY.sub(lambda m: _read_entity(m.group()), text) if "&" in text else text


def _touches(text: str, at: int, step: int) -> bool:
    """Whether a letter or a digit stands next to `at`, before it (`step` -1) or from it (1),
    only a formula's delimiters and braces between (`_FORMULAS_OWN`)."""
    k = at - 1 if step < 0 else at
    while 0 <= k < len(text) and text[k] in _FORMULAS_OWN:
        k += step
    return 0 <= k < len(text) and text[k].isalnum()


def _closing_brace(text: str, opening: int, end: int) -> int | None:
    """Where the brace at `opening` closes before `end`, the braces inside paired."""
    depth = 0
    for m in _BRACE.finditer(text, opening, end):
        depth += {"{": 1, "}": -1}.get(m.group(), 0)
        if depth == 0:
            return m.start()
    return None


def _html_edits(text: str, literal: bool) -> list[tuple[int, int, str]]:
    edits = []
    closed_by: dict[str, int] | None = None  # where each name's last closing tag ends, found once
    for m in _MARKUP.finditer(text):
        if m.group(1) is None:
            read = _read_entity(m.group())
        else:
            if literal and BARE_TAG.fullmatch(m.group()):
                closed_by = _last_closing_tags(text) if closed_by is None else closed_by
                if _may_be_text(m, closed_by):
                    continue
            read = _tag_reading(m)
        if read != m.group():
            edits.append((m.start(), m.end(), read))
    return edits


_CLOSING_TAG = re.compile(rf"</{_PREFIX}({_TAG_NAMES})\s*>", re.IGNORECASE)


def _last_closing_tags(text: str) -> dict[str, int]:
    """For each markup name a closing tag of which `text` holds, where the last one ends."""
    return {m.group(1).lower(): m.end() for m in _CLOSING_TAG.finditer(text)}


def _may_be_text(m: re.Match[str], closed_by: dict[str, int]) -> bool:
    """Whether a tag written bare (no prefix, no attribute, not closed by its own "/>") may be no
    tag but the text's own characters, as in a comparison ("a<b>c", "0<i>1"): one of a name
    that does not stand alone, which no closing tag of its name follows (`closed_by`: where
    each name's last closing tag ends)."""
    name = m.group(1).lower()
    return name not in _STANDS_ALONE and closed_by.get(name, -1) <= m.end()


def _read_entity(entity: str) -> str:
    """A numeric entity, or a named one HTML gives whole with its semicolon, as its character(s);
    any other as written. html.unescape also reads the legacy names that may stand without one
    as a prefix ("&notit;" as "\u00acit;", "&copy2020;" as "\u00a92020;"), which no reader sees."""
    if entity[1] == "#" or entity[1:] in html.entities.html5:
        return html.unescape(entity)
    return entity


def _applied(text: str, edits: list[tuple[int, int, str]]) -> str:
    out: list[str] = []
    at = 0
    for begin, end, read in edits:
        out += (text[at:begin], read)
        at = end
    out.append(text[at:])
    return "".join(out)


def _may_hold_markup(text: str) -> bool:
    return "<" in text or "&" in text or "\\" in text or "$" in text or "{" in text or "~" in text


# LaTeX that titles and abstracts carry from arXiv and publishers' sources: text commands
# ("\\textit{face} recognition", "\\emph{...}", "{\\it face}") are read as their text, as a
# formatting tag is; an escaped character ("R\\&D") as the character; math ("$\\alpha$",
# "CO$_2$", "\\(x^2\\)") as its letters and digits apart, a space for each delimiter, command,
# sub- or superscript mark and brace, as MathML's content is read between its tags ("CO 2" is
# read "CO2" by a phrase, as "CO<sub>2</sub>" is); display math's delimiters ("$$") as a block's
# end, as <disp-formula>'s tags. A group of letters and digits alone, as BibTeX keeps a capital
# ("{F}acial {R}ecognition", "{D}eep{F}akes", "{Face} recognition", "{{Face}} recognition"), is
# read without its braces, as LaTeX sets it: spaCy cut "{F}acial" into "F" and "acial", and read
# "{Face}" as one word, so no phrase was found. An accent command ("computaci\\'on",
# "\\'{e}", "{\\'e}", "\\c{c}") is read as the accented letter, a tie ("face~recognition",
# LaTeX's no-break space, between two letters) as a space, and a discretionary hyphen
# ("recogni\\-tion") as nothing, as LaTeX sets them. Other braces no such command opens are read
# as written, and so is a command whose group never closes.
_TEXT_COMMAND = re.compile(
    r"\\(?:emph|mbox|text|textbf|textit|textmd|textnormal|textrm|textsc|textsf|textsl|texttt|textup|underline)"
    r"\s*\{"
    r"|\{\\(?:bf|bfseries|em|it|itshape|mdseries|normalfont|rm|sc|scshape|sf|sl|tt|upshape)(?![A-Za-z])\s*"
)
_SCRIPT_COMMAND = re.compile(r"\\text(?:superscript|subscript)\s*\{")
_ESCAPED_CHARACTER = re.compile(r"\\([&%#_$])")
_MATH = re.compile(r"(?<![\\$])(\$\$?)(?!\$)((?:[^$\\]|\\.){1,400}?)(?<!\\)\1|\\\((.{1,400}?)\\\)", re.DOTALL)
_MATH_MARKS = re.compile(r"\\[A-Za-z]+\*?|\\.|[_^{}]")
# Math's symbols between words, read as the characters they set, a space either side, where every
# other command is a space: "Face $\\cdot$ recognition" read "Face recognition", a certain match,
# where "Face \u22c5 recognition" and "Face \u00b7 recognition" part the words, as a centred dot
# parts keywords (Springer's "Face recognition \u00b7 Deep learning") or items of a list: no
# symbol joins two words of a phrase.
_MATH_SYMBOLS = {
    "\\cdot": "\u22c5", "\\cdotp": "\u22c5", "\\bullet": "\u2022", "\\circ": "\u2218", "\\ast": "\u2217",
    "\\star": "\u22c6", "\\times": "\u00d7", "\\div": "\u00f7", "\\pm": "\u00b1", "\\mp": "\u2213",
    "\\cdots": "\u22ef", "\\ldots": "\u2026", "\\dots": "\u2026", "\\to": "\u2192", "\\rightarrow": "\u2192",
    "\\leftarrow": "\u2190", "\\Rightarrow": "\u21d2", "\\leftrightarrow": "\u2194", "\\mid": "\u2223",
    "\\vert": "|", "\\|": "\u2016",
}  # fmt: skip


def _math_mark(mark: str) -> str:
    """A command or a mark inside math as read: a symbol as its character between spaces
    (`_MATH_SYMBOLS`), anything else as a space."""
    symbol = _MATH_SYMBOLS.get(mark)
    return f" {symbol} " if symbol else " "


def _latex_edits(text: str) -> list[tuple[int, int, str]]:
    """Where `text`'s LaTeX stands and what each piece is read as (see `_TEXT_COMMAND`)."""
    edits: list[tuple[int, int, str]] = []
    maths: list[tuple[int, int]] = []
    for m in _MATH.finditer(text):
        inside = (m.start(2), m.end(2)) if m.group(2) is not None else (m.start(3), m.end(3))
        apart = f" {BLOCK_END} " if m.group(1) == "$$" else " "  # display math a block, as <disp-formula>
        edits += [(m.start(), inside[0], apart), (inside[1], m.end(), apart)]
        edits += [(k.start(), k.end(), _math_mark(k.group())) for k in _MATH_MARKS.finditer(text, *inside)]
        maths.append((m.start(), m.end()))
    outside = [(0, len(text))] if not maths else _between(maths, len(text))
    pairs: dict[int, int] | None = None  # each brace's closing one, found once
    for begin, end in outside:
        for pattern, read in ((_TEXT_COMMAND, ""), (_SCRIPT_COMMAND, " ")):
            for m in pattern.finditer(text, begin, end):
                pairs = _brace_pairs(text) if pairs is None else pairs
                opening = m.end() - 1 if text[m.end() - 1] == "{" else m.start()
                close = pairs.get(opening, end)
                if close < end:
                    edits += [(m.start(), m.end(), read), (close, close + 1, read)]
        edits += [(m.start(), m.end(), m.group(1)) for m in _ESCAPED_CHARACTER.finditer(text, begin, end)]
        edits += [(b, b + 1, "") for m in _WORD_GROUP.finditer(text, begin, end) for b in _group_braces(text, m)]
        accents = [
            (m.start(), m.end(), _accented(m)) for m in _ACCENT.finditer(text, begin, end) if _an_accent(m, text)
        ]
        edits += accents
        edits += [(m.start(), m.end(), _LETTERS[m.group(2)]) for m in _LETTER_COMMAND.finditer(text, begin, end)]
        edits += _escaped_quotes(text, begin, end, accents)
        edits += [(m.start(), m.end(), _SPACING[m.group()]) for m in _TIE.finditer(text, begin, end)]
        edits += [(m.start(), m.end(), _latex_space(m)) for m in _LATEX_SPACE.finditer(text, begin, end)]
        edits += [
            (m.start(), m.end(), _LATEX_CHARACTERS[m.group(1)]) for m in _LATEX_CHARACTER.finditer(text, begin, end)
        ]
    return edits + _commands_after_words(text, maths, edits)


# A command glued to the end of a word ("Face recognition\\footnote{...}", "Deepfakes\\thanks{...}",
# "recognition\\cite{x}"): spaCy kept it on the word, "recognition\\cite{x}", and the phrase was
# lost. LaTeX ends the word there: a space is read before the command, which stays as written,
# so the phrase ends at the word and runs through no command. Commands read otherwise (accents,
# text commands) are left to their reading, and a character's JSON escape ("Fa\\u00e7ade") is
# none.
_COMMAND_AFTER_A_WORD = re.compile(r"(?<=[^\W_])\\(?!u[0-9A-Fa-f]{4})[A-Za-z]+")


def _commands_after_words(
    text: str, maths: list[tuple[int, int]], edits: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A space before each command glued to a word's end (`_COMMAND_AFTER_A_WORD`) no other
    reading of `edits` covers, outside formulas (`maths`)."""
    covered = [(b, e) for b, e, _ in edits] + maths
    return [
        (m.start(), m.start() + 1, " \\")
        for m in _COMMAND_AFTER_A_WORD.finditer(text)
        if not any(b <= m.start() < e for b, e in covered)
    ]


_WORD_GROUP = re.compile(r"(?<!\\)\{[^\W_]+\}")
# LaTeX's accents on a letter: "\\'e", "\\'{e}", "{\\'e}", "\\c{c}", "\\c c", "\\'{\\i}". Only
# where Unicode has the accented letter (`_latex_edits`), and a space only after a letter's
# command: an escaped quote ("the \\"face recognition\\" problem") is no umlaut on "f", nor
# may one join "recognition" to "problem". The spaces after a dotless i's command are LaTeX's
# end of its name, which it skips, as it does after "\\c": "na\\"\\i ve" sets "naïve".
_ACCENT_MARKS = {
    "`": "\u0300", "'": "\u0301", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304", ".": "\u0307",
    "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "r": "\u030a", "k": "\u0328",
}  # fmt: skip
_ACCENT = re.compile(
    r"(\{)?\\(?:(?P<sign>[`'^\"~=.])|(?P<letter>[cvuHrk])(?=[\s{])\s*)"
    r"(?:\{(?P<braced>\\[ij]|[A-Za-z])\}|(?P<bare>(?P<dotless>\\[ij](?![A-Za-z]))|[A-Za-z]))"
    r"(?(1)\}|(?(dotless)[ \t]*(?:\r?\n)?[ \t]*))"
)
# LaTeX's commands for letters ("Wroc\\l aw", "Bj{\\o}rn", "Stra\\ss e", "Ayd\\i n"), read as the
# letters they set, the spaces ending their names skipped (or "{}"), as LaTeX does: spaCy cut
# "Wroc\\l" from "aw", and a command glued to a word ends it (`_COMMAND_AFTER_A_WORD`).
_LETTERS = {
    "ss": "\u00df", "ae": "\u00e6", "AE": "\u00c6", "oe": "\u0153", "OE": "\u0152", "aa": "\u00e5",
    "AA": "\u00c5", "o": "\u00f8", "O": "\u00d8", "l": "\u0142", "L": "\u0141", "i": "\u0131", "j": "\u0237",
}  # fmt: skip
_LETTER_COMMAND = re.compile(
    r"(\{)?\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])(?(1)\}|(?:\{\}|[ \t]*(?:\r?\n)?[ \t]*))"
)
# A tie between two letters, or before a command after a letter ("recognition~\\cite{x}"), read
# as a space; a discretionary hyphen, an italic correction ("\\emph{face\\/}") and a spacing
# command ("\\@") as nothing; a control space ("Deep\\ face", "e.g.\\ face") as a space, as LaTeX sets
# them.
_TIE = re.compile(r"(?<=[^\W\d_])~(?=[^\W\d_]|\\[A-Za-z])|\\[-/@]|(?<!\\)\\ ")
_SPACING = {"~": " ", "\\-": "", "\\/": "", "\\@": "", "\\ ": " "}
# LaTeX's spaces and line breaks between words: a thin, medium or thick space ("face\\,recognition"),
# a line break ("face\\\\recognition", "Face recognition\\\\ in the wild", "\\newline", "\\linebreak"),
# a quad ("\\quad"), read as a space, a paragraph ("\\par") as a block's end, the spaces after a
# command's name skipped, as LaTeX sets them; and its commands for quotation marks and dashes
# ("People\\textquoteright s", "face\\textendash recognition") as the characters they set. spaCy
# kept "face\\,recognition" one word and "\\newline" or "\\textquoteright" between words, so the
# phrase was lost.
_LATEX_SPACE = re.compile(
    r"\\(?:(,|;|:|>)|\\\*?|(newline|linebreak|quad|qquad|enspace|enskip|thinspace|par)(?![A-Za-z])(?:\{\}|[ \t]*))"
)
_LATEX_CHARACTER = re.compile(
    r"\\(textquoteright|textquoteleft|textquotedblleft|textquotedblright|textendash|textemdash)"
    r"(?![A-Za-z])(?:\{\}|[ \t]*)"
)
_LATEX_CHARACTERS = {
    "textquoteright": "\u2019", "textquoteleft": "\u2018", "textquotedblleft": "\u201c",
    "textquotedblright": "\u201d", "textendash": "\u2013", "textemdash": "\u2014",
}  # fmt: skip


def _latex_space(m: re.Match[str]) -> str:
    """A LaTeX space or break (`_LATEX_SPACE`) as read: a paragraph as a block's end, else a space."""
    return f" {BLOCK_END} " if m.group(2) == "par" else " "


# An escaped double quote, as JSON and program sources write one in a title ("The \\"face
# recognition\\" problem"): read as the quote where no umlaut stands (`_an_accent`), since spaCy
# kept it with the word after it ("\\"face") and the phrase was lost.
_ESCAPED_QUOTE = re.compile(r"""\\(["'])""")
# An umlaut stands on a vowel in every language LaTeX titles are written in; "\\"X" (Unicode's
# "Ẍ", a transliteration's) is an escaped quote before "Xinjiang".
_UMLAUTED = frozenset("aeiouyAEIOUY")
# An escaped quote before no letter it could set ("problem\\" ", "\\"."): the text escapes its
# quotes, so none of its "\\"" is an umlaut ("\\"Uyghur\\"" is no "Üyghur").
_QUOTE_CLOSED = re.compile(r'\\"(?![A-Za-z{\\])')
# No word of a language LaTeX titles are written in begins with "ï", "ë" or "ÿ": "\\"" written
# bare before one of these letters at a word's start is a quote that opens ("He said \\"image
# recognition", the text closing none so), or "image recognition" is lost to "ïmage".
_NO_WORD_BEGINS_UMLAUTED = frozenset("ieyIEY")
# LaTeX's accents written as LaTeX writes them and no escaped quote or apostrophe is: an umlaut
# inside a word ("M\\"uller", "na\\"ive") or braced ("\\"{U}", "{\\"U}"), a grave, a circumflex
# or a tilde, an acute braced. Where a text writes none, a bare "\\"" opening a word before "a",
# "o" or "u" is a quote too, as JSON and program sources escape one ("He said \\"automatic face
# recognition", the text closing none so); "\\"Uber" then reads "Uber", which no English phrase
# begins, where "\\"automatic" read "äutomatic" lost every phrase beginning so.
_LATEX_ACCENT_ELSEWHERE = re.compile(r"""[^\W\d_]\\"[A-Za-z{\\]|\\"\{|\{\\["'`^~]|\\[`^~]\{?[A-Za-z]|\\'\{""")


# So an apostrophe, as JSON and program sources write one ("the \\'face recognition\\' task",
# "students\\' work"): a text escaping one before no letter escapes all its apostrophes, and
# "\\'image" is no "ímage".
_APOSTROPHE_CLOSED = re.compile(r"\\'(?![A-Za-z{\\])")
# An English possessive or contraction, an apostrophe escaped between a letter and a word's end
# ("People\\'s", "don\\'t", "we\\'ll", "they\\'re"): LaTeX's acute sets "ś", "ĺ", "ŕ" there, which
# end a word in Polish ("co\\'s") far more rarely than an English title writes "'s", and lost
# "People's Liberation Army".
_CONTRACTION = re.compile(r"(?<=[A-Za-z])\\'(?:s|(?<=n\\')t|m|d|ll|re|ve)(?![A-Za-z])")


def _an_accent(m: re.Match[str], text: str) -> bool:
    """Is an accent command (`_ACCENT`) one LaTeX sets: a letter Unicode has as one character;
    for an acute written bare, none in an English possessive or contraction nor in a text that
    escapes an apostrophe elsewhere (`_CONTRACTION`, `_APOSTROPHE_CLOSED`); and for an umlaut a
    vowel, in a text that escapes no quote (`_QUOTE_CLOSED`)?"""
    if len(_accented(m)) != 1:
        return False
    if m.group("sign") == "'":
        return not _an_escaped_apostrophe(m, text)
    if m.group("sign") != '"':
        return True
    vowel = (m.group("braced") or m.group("bare")).lstrip("\\") in _UMLAUTED
    return vowel and not _QUOTE_CLOSED.search(text) and not _opens_a_quote(m, text)


def _an_escaped_apostrophe(m: re.Match[str], text: str) -> bool:
    """Is an acute's command (`_ACCENT`), written bare, an escaped apostrophe: in an English
    possessive or contraction, or in a text escaping one before no letter?"""
    if m.group(1) is not None or m.group("bare") is None:
        return False
    return _CONTRACTION.match(text, m.start()) is not None or _APOSTROPHE_CLOSED.search(text) is not None


def _opens_a_quote(m: re.Match[str], text: str) -> bool:
    """Is an umlaut's command (`_ACCENT`) a quote opening a word: written bare, no brace about
    it, at a word's start, before a letter no word begins umlauted (`_NO_WORD_BEGINS_UMLAUTED`),
    or before one some do ("\\"Uber") in a text writing LaTeX's accents nowhere else
    (`_LATEX_ACCENT_ELSEWHERE`)?"""
    bare = m.group(1) is None and m.group("bare") is not None
    at_start = m.start() == 0 or not text[m.start() - 1].isalpha()
    if not (bare and at_start):
        return False
    return m.group("bare") in _NO_WORD_BEGINS_UMLAUTED or _LATEX_ACCENT_ELSEWHERE.search(text) is None


def _escaped_quotes(text: str, begin: int, end: int, accents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Each escaped quote or apostrophe between `begin` and `end` no accent holds, read as the
    quote or the apostrophe."""
    held = [(b, e) for b, e, _ in accents]
    return [
        (m.start(), m.end(), m.group(1))
        for m in _ESCAPED_QUOTE.finditer(text, begin, end)
        if not any(b <= m.start() < e for b, e in held)
    ]


def _accented(m: re.Match[str]) -> str:
    """An accent command (`_ACCENT`) as the letter it sets, composed: more than one character
    where Unicode has no such letter ("f" with an umlaut), which LaTeX's accents never set."""
    letter = (m.group("braced") or m.group("bare")).lstrip("\\")
    return unicodedata.normalize("NFC", letter + _ACCENT_MARKS[m.group("sign") or m.group("letter")])


def _group_braces(text: str, m: re.Match[str]) -> tuple[int, ...]:
    """Where the braces of a group of letters and digits alone stand (`_WORD_GROUP`), inside a
    word ("{F}acial", "Deep{F}akes") or standing as one ("{Face}"), where it is no command's
    argument ("\\url{x}y", whose braces stay as written, and "\\ref {face}", since LaTeX skips
    the spaces after a command's name); none where it is."""
    name_end = m.start()
    while name_end > 0 and text[name_end - 1] in " \t":
        name_end -= 1
    before = name_end
    while before > 0 and text[before - 1].isalpha() and text[before - 1].isascii():
        before -= 1
    named = before < name_end or name_end == m.start()  # "\\ {x}" is a line break's, no name's
    if named and before > 0 and text[before - 1] == "\\":
        return ()
    return (m.start(), m.end() - 1)


def _between(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The stretches of a text of `length` characters outside `spans` (in order, apart)."""
    starts = [0, *(e for _, e in spans)]
    ends = [*(b for b, _ in spans), length]
    return [(b, e) for b, e in zip(starts, ends, strict=True) if b < e]


def _brace_pairs(text: str) -> dict[int, int]:
    """Where each brace of `text` that closes is closed, the braces inside it paired and an
    escaped one ("\\{") skipped: one pass, whatever the nesting."""
    pairs: dict[int, int] = {}
    open_at: list[int] = []
    for m in _BRACE.finditer(text):
        if m.group() == "{":
            open_at.append(m.start())
        elif m.group() == "}" and open_at:
            pairs[open_at.pop()] = m.start()
    return pairs


_BRACE = re.compile(r"\\.|[{}]", re.DOTALL)


def _without_overlaps(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sorted edits, each that overlaps one before it left out."""
    out: list[tuple[int, int, str]] = []
    for edit in edits:
        if not out or edit[0] >= out[-1][1]:
            out.append(edit)
    return out


def without_markup(text: str, *, literal: bool = False) -> str:
    """`text` as its markup's reader sees it (`_MARKUP`); told first, cheaply, to have none.
    Markup escaped once more ("&lt;b&gt;Sur&lt;/b&gt;face", as some publishers' titles come) is
    markup still: the tags its entities give are read as tags, or "face" would stand apart. With
    `literal`, a tag that may be the text's own characters is read as written (`_may_be_text`):
    the text's other reading (`reads_two_ways`)."""
    for _ in range(_ESCAPED_AT_MOST):
        if not _may_hold_markup(text):
            return text
        if "\\" in text or "$" in text or "{" in text or "~" in text or (literal and may_read_two_ways(text)):
            read = _applied(text, _markup_edits(text, literal))
        else:  # HTML alone, each tag read by itself: one substitution, in C
            read = _MARKUP.sub(_read_markup, text)
        if read == text:
            return text
        text = read
    return text


def _read_markup(m: re.Match[str]) -> str:
    """A tag or an entity as `_html_edits` reads it, where no tag may be the text's own."""
    if m.group(1) is not None:
        return _tag_reading(m)
    return _read_entity(m.group())


def _tag_reading(m: re.Match[str]) -> str:
    """A tag (`_MARKUP`'s match) as read: by its name (`_TAG_READING`), and MathML's space by its
    width (`_MSPACE_SHOWN`)."""
    name = m.group(1).lower()
    if name == "mspace" and _MSPACE_SHOWN.search(m.group()):
        return " "
    return _TAG_READING[name]


# MathML's space shows a space where it is given a width more than none, or breaks the line
# (https://www.w3.org/TR/MathML3/chapter3.html#presm.mspace: its width is 0em unless given):
# "<mml:mi>x</mml:mi><mml:mspace width="1em"/><mml:mtext>face recognition</mml:mtext>" was read
# "xface recognition", the phrase lost. A width of none or less ("0em", "-0.1em",
# "negativethinmathspace", as a formula pulls its symbols together) and no width show nothing.
_MSPACE_SHOWN = re.compile(
    r"""\s(?:width\s*=\s*["']\s*(?:\+?0*[1-9]|\+?0*\.0*[1-9]|(?:very)*(?:thin|medium|thick)mathspace)"""
    r"""|linebreak\s*=\s*["']\s*(?:newline|indentingnewline))""",
    re.IGNORECASE,
)


def without_markup_spans(text: str) -> tuple[str, list[tuple[int, int]] | None]:
    """`without_markup(text)`, and for each of its characters the stretch of `text` it is read
    from (None where that is the character itself, all through)."""
    return _without_markup_spans(text, False)


def _without_markup_spans(text: str, literal: bool) -> tuple[str, list[tuple[int, int]] | None]:
    """`without_markup(text)`, and for each of its characters the stretch of `text` it is read
    from (None where that is the character itself, all through)."""
    origins: list[tuple[int, int]] | None = None
    for _ in range(_ESCAPED_AT_MOST):
        if not _may_hold_markup(text) or not (edits := _markup_edits(text, literal)):
            break
        step: list[tuple[int, int]] = []
        at = 0
        for begin, end, read in edits:
            step += [(k, k + 1) for k in range(at, begin)] + [(begin, end)] * len(read)
            at = end
        step += [(k, k + 1) for k in range(at, len(text))]
        origins = step if origins is None else [(origins[b][0], origins[e - 1][1]) for b, e in step]
        text = _applied(text, edits)
    return text, origins


def reads_two_ways(text: str) -> bool:
    """Whether `text` holds a tag that may be markup or its own characters (`_may_be_text`):
    "Sur<b>face" is "Surface" if the tag is markup, and "Sur<b>face" as written if not; or
    letters set as a script touching a word (`_scripts_apart`): "fa$_{ce}$" is "fa ce", which a
    phrase joins, and "fa", "ce" apart."""
    return may_read_two_ways(text) and without_markup(text, literal=True) != without_markup(text)


def may_read_two_ways(text: str) -> bool:
    """Whether `text` may read two ways (`reads_two_ways`): told cheaply, by a bare tag in it,
    as written or escaped (`BARE_TAG_WRITTEN`; a JATS abstract's, all prefixed, never is), by a
    script that may hold letters (`may_hold_letter_scripts`), or by MathML's tokens side by side
    (`mathml_tokens_side_by_side`)."""
    if ("<" in text or "&" in text) and BARE_TAG_WRITTEN.search(text) is not None:
        return True
    return may_hold_letter_scripts(text) or ("</" in text and _TOKENS_SIDE_BY_SIDE.search(text) is not None)


_ESCAPED_AT_MOST = 4  # "&amp;amp;lt;i&amp;amp;gt;" is read through; a deeper nesting is left as it is


def topic_reading(text: str, *, literal: bool = False) -> str:
    """`text` as topic phrases read it, and as a reader sees it, the phrases alike (every engine:
    evaluate/_phrases.py, columnar/_table.py): its markup as rendered (`without_markup`: "<i>"
    as nothing, "<br/>" as a space, "</p>" as a block's end, "&amp;" as "&"), without the characters that show nothing,
    in its compatibility form (NFKC: a ligature's letters, "ﬁ" as "fi"; fullwidth letters as
    letters; a letter and a combining accent as the accented letter), the dashes a reader takes
    for a hyphen as "-", a Turkish "İ" as "I", an "i" with a combining dot above as "i", and a
    typeset apostrophe ("\u2019", "\u02bc") as "'".
    With `literal`, its other reading (`reads_two_ways`).

    Most texts are told to need none of it by a test each step makes in C: an ASCII text first."""
    return _read_rendered(without_markup(text, literal=literal))


# Marks that set the direction of the text around them and show nothing (left-to-right and
# right-to-left marks, the Arabic letter mark, embeddings, overrides and isolates): an English
# title copied beside Persian or Arabic carries them, "\u202aFace recognition\u202c", and spaCy kept
# them on the word beside them ("\u202aface"), so the phrase was lost. Topic phrases read through
# them, as through a zero-width space.
_DIRECTION_MARKS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# So do the other characters Unicode says show nothing where not supported (its default ignorable
# code points, https://www.unicode.org/reports/tr44/#Default_Ignorable_Code_Point): the combining
# grapheme joiner, the Khmer inherent vowels, the Mongolian vowel separator and free variation
# selectors, MathML's invisible operators (function application, times, separator, plus: U+2061
# to U+2064, as a formula copied into an abstract carries them), the deprecated format
# characters, variation selectors, shorthand format controls and musical beams. spaCy kept them
# on the word beside them ("face\u2062", "fa\u034fce"), so the phrase was lost. Not the Hangul
# fillers, which stand as letters in Hangul text.
_SHOWING_NOTHING = re.compile(
    "[\u034f\u17b4\u17b5\u180b-\u180f\u2061-\u2065\u206a-\u206f\ufe00-\ufe0f\ufff0-\ufff8"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0080-\U000e0fff]"
)


# Superscript characters ("recognition\u00b9", "Deepfakes\u00b2", "Kinect\u2122") and footnote marks
# ("recognition\u2020", "\u2021", "\u00a7", "\u2217") set after a word are marks beside it, as
# <sup>1</sup> is: read with a space before them. NFKC wrote "recognition\u00b9" as
# "recognition1", and spaCy kept "recognition\u2020" one word, so "Face recognition\u00b9: a survey"
# held no phrase. A subscript ("CO\u2082") is still read into its word, as a formula's. Unicode's
# superscripts (their compatibility form <super>), but for the ordinal indicators ("N\u00ba",
# "1\u00aa", part of an abbreviation) and the Georgian and Tifinagh modifier letters, which stand
# inside words; listed, since finding them in unicodedata takes a tenth of a second at start.
SUPERSCRIPTS = (
    "\u00b2\u00b3\u00b9\u02b0-\u02b8\u02e0-\u02e4\u1d2c-\u1d61\u1d78\u1d9b-\u1dbf\u2070-\u207f\u2120\u2122"
    "\u2c7d\u3192-\u319f\ua69c\ua69d\ua770\ua7f2-\ua7f4\ua7f8\ua7f9\uab5c-\uab5f\uab69"
    "\U00010780-\U000107ba\U0001f16a-\U0001f16c"
)
_SET_APART = re.compile(f"[{SUPERSCRIPTS}\u2020\u2021\u00a7\u2217\u204e\u22c6]")


# A backtick or an acute accent typed for an apostrophe inside a word ("People\u00b4s", "People`s",
# as titles from Spanish and Portuguese keyboards write it; names read them so, `APOSTROPHES`):
# read as "'", or NFKC wrote "People \u0301s" and spaCy cut "People`s" apart, and "People's
# Liberation Army" was lost.
_TYPED_APOSTROPHE = re.compile("(?<=[^\\W_])[`\u00b4](?=[^\\W_])")


def _read_rendered(text: str) -> str:
    """`topic_reading` of a text whose markup is read."""
    if text.isascii() or ascii_but_block_ends(text):
        return _TYPED_APOSTROPHE.sub("'", text) if "`" in text else text
    if "`" in text or "\u00b4" in text:
        text = _TYPED_APOSTROPHE.sub("'", text)
    text = read_through_invisible(text)
    if _DIRECTION_MARKS.search(text):
        text = _DIRECTION_MARKS.sub("", text)
    if _SHOWING_NOTHING.search(text):
        text = _SHOWING_NOTHING.sub("", text)
    if _SET_APART.search(text):
        text = _SET_APART.sub(r" \g<0>", text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if _READ_OTHERWISE.search(text):
        text = text.translate(_AS_READ).replace("i\u0307", "i")
    return text


def ascii_but_block_ends(text: str) -> bool:
    """An ASCII text but for pilcrows, as a JATS abstract's reading is ("<jats:p>...</jats:p>"
    read as " \u00b6 ...  \u00b6 "): the rest of the reading leaves a pilcrow as it is (it shows, it
    has no compatibility form), so such a text needs none of it, and its words are cut as an
    ASCII text's (columnar/_table.py), a pilcrow cutting as a space does. The whole reading
    (and the words' regex) took five times as long as the markup's."""
    return BLOCK_END in text and text.replace(BLOCK_END, "").isascii()


def topic_reading_spans(text: str, *, literal: bool = False) -> list[tuple[int, int]]:
    """For each character of `topic_reading(text)`, the stretch of `text` it is read from: the
    character itself where the reading leaves it, else the tag or entity, the letter with its
    combining marks (or the ligature, the invisible character beside...) it comes from.

    Markup's reading is followed edit by edit. The rest of the text is read piece by piece (a
    character with the combining marks after it); where that reading is not the whole text's (a
    composition the pieces cannot show, a combining mark after an invisible character), word by
    word; and where not even that, every character is read from the whole text."""
    rendered, origins = _without_markup_spans(text, literal)
    spans = _reading_spans(rendered)
    return spans if origins is None else [(origins[b][0], origins[e - 1][1]) for b, e in spans]


def _reading_spans(text: str) -> list[tuple[int, int]]:
    """`topic_reading_spans` of a text whose markup is read."""
    read = _read_rendered(text)
    if read == text:
        return [(k, k + 1) for k in range(len(text))]
    for pieces in (_pieces(text, _joins_the_last), _pieces(text, _in_the_word)):
        spans: list[tuple[int, int]] = []
        for begin, end in pieces:
            spans += [(begin, end)] * len(_read_rendered(text[begin:end]))
        if len(spans) == len(read) and "".join(_read_rendered(text[b:e]) for b, e in pieces) == read:
            return spans
    return [(0, len(text))] * len(read)


def _joins_the_last(before: str, c: str) -> bool:
    """A combining mark, or a Hangul vowel or final consonant jamo (which NFKC composes with the
    jamo before it)."""
    return unicodedata.combining(c) != 0 or "\u1160" <= c <= "\u11ff"


def _in_the_word(before: str, c: str) -> bool:
    """Neither is white space (which NFKC composes with nothing)."""
    return not (c.isspace() or before.isspace())


def _pieces(text: str, joins: Callable[[str, str], bool]) -> list[tuple[int, int]]:
    """`text` cut before every character that `joins` does not join to the one before it."""
    cuts = [i for i in range(1, len(text)) if not joins(text[i - 1], text[i])]
    return list(zip([0, *cuts], [*cuts, len(text)], strict=True)) if text else []


def one_sigma(lower: str) -> str:
    """A lower-cased text with one Greek sigma: lower() writes a capital sigma as final ς or as σ
    by the letters around it ("ΑΙΣΘΗΤΗΡΑΣ.Νέο" gives σ where the word alone gives ς), so folded
    names and text, and the topic prefilter's words and a phrase's candidate words, are compared
    with σ for both (evaluate/_names.py, evaluate/_phrases.py, columnar/_table.py)."""
    return lower.replace("\u03c2", "\u03c3") if "\u03c2" in lower else lower


def dotted_i(lower: str) -> str:
    """A lower-cased text with the Turkish dotless ı read as i: lower() writes a capital I as i
    ("TEKNIK" is "teknik") and a capital İ as i and a dot, which folding drops, so a name and a
    text folded, and the query's search forms, read "Teknık", "TEKNİK" and "Teknik" alike
    (evaluate/_names.py, columnar/_table.py)."""
    return lower.replace("\u0131", "i") if "\u0131" in lower else lower


@functools.total_ordering
@dataclass(frozen=True, slots=True)
class PartialDate:
    """A publication date known to the year, the month or the day.

    A work dated only "2024" is neither inside nor outside a period starting 2024-01-10:
    `earliest` and `latest` bound it, and the evaluator calls it uncertain.
    """

    year: int
    month: int | None = None
    day: int | None = None
    # The date as the source wrote it, where it said more than this date keeps: OpenAlex's
    # "2024-01-01" read as the year 2024. Shown beside the date wherever a doubt cites it.
    written: str | None = field(default=None, compare=False)
    # The day the record giving this date was current, where the date lies wholly after it
    # (`within_record`): any earlier day may be when the work appeared.
    ahead_of: dt.date | None = field(default=None, compare=False)
    # Whether that day is the one a curated version's sources were read (`within_sources`), not
    # one a record was current on: said so wherever the date is.
    read_by_analyst: bool = field(default=False, compare=False)
    # The range the date stands for, worked out once: periods are tested against it constantly.
    earliest: dt.date = field(init=False, repr=False, compare=False)
    latest: dt.date = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        earliest = dt.date(self.year, self.month or 1, self.day or 1)
        if self.day:
            latest = earliest
        elif self.month:  # the month's last day, found without stepping past 9999-12-31
            latest = dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        else:
            latest = dt.date(self.year, 12, 31)
        if self.ahead_of is not None:
            earliest = dt.date.min
        object.__setattr__(self, "earliest", earliest)
        object.__setattr__(self, "latest", latest)

    @classmethod
    def parse(cls, value: object) -> PartialDate | None:
        """'2024', '2024-03', '2024-03-05', 2024 or a date -> PartialDate; None if not a date."""
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return None
        return _parse_date_text(value)

    @classmethod
    def _from_text(cls, value: str) -> PartialDate | None:
        m = _DATE.match(value.strip()[:10])
        if not m:
            return None
        year = int(m.group(1))
        month, day = (int(g) if g else None for g in m.groups()[1:])
        try:
            if day is not None and month is not None:
                dt.date(year, month, day)
            elif month is not None and not 1 <= month <= 12:
                return None
        except ValueError:
            return None
        if not 1 <= year <= 9999:
            return None
        return cls(year, month, day)

    @property
    def is_exact(self) -> bool:
        return self.day is not None

    def __lt__(self, other: object) -> bool:
        """Ordered by the range they stand for: 2024 comes before 2024-03, which ends later."""
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.earliest, self.latest) < (other.earliest, other.latest)

    @property
    def as_written(self) -> tuple[dt.date, dt.date]:
        """The days the date as written stands for, whatever its record's day (`within_record`
        reaches `earliest` back to the beginning of time): what a summary of dates ranges over."""
        return dt.date(self.year, self.month or 1, self.day or 1), self.latest

    def within_record(self, current_on: dt.date | None) -> PartialDate:
        """The date as a record current on `current_on` can show it. A date wholly after that day
        (an issue dated ahead of its articles, a record made before publication, a misdated
        record) does not say when the work appeared: any day up to it may be, so it stands for
        all of them, and a period it seems to lie after never drops the work, nor does a period
        it seems to lie in count it certainly. Read again on a later day the record was still
        current (a copy of it in newer evidence), it is what that day shows."""
        if current_on is None or (self.ahead_of is not None and self.ahead_of >= current_on):
            return self
        if self.as_written[0] <= current_on:  # shown by the record (read again on a later day of it)
            return dataclasses.replace(self, ahead_of=None) if self.ahead_of else self
        return dataclasses.replace(self, ahead_of=current_on)

    def within_sources(self, read_on: dt.date | None) -> PartialDate:
        """The date of a curated version whose sources were last read on `read_on`: as
        `within_record` reads a record's, said as the day its sources were read."""
        within = self.within_record(read_on)
        return dataclasses.replace(within, read_by_analyst=True) if within.ahead_of is not None else within

    @property
    def ahead_basis(self) -> str:
        """What the day a date lies after (`ahead_of`) is, in words."""
        return "the day its sources were read" if self.read_by_analyst else "the day its record was current"

    def describe(self) -> str:
        """The date for a sentence: '2024 (OpenAlex gives 2024-01-01, its way of writing a year
        alone)'; a date after its record's day says so."""
        notes = [f"OpenAlex gives {self.written}, its way of writing a year alone"] if self.written else []
        if self.ahead_of is not None:
            notes.append(f"after {self.ahead_of}, {self.ahead_basis}: the work may have appeared on any day before")
        return f"{self} ({'; '.join(notes)})" if notes else str(self)

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


@functools.lru_cache(maxsize=65_536)
def _parse_date_text(value: str) -> PartialDate | None:
    """Dates repeat across millions of records: parse each once and share the object."""
    return PartialDate._from_text(value)


@dataclass(slots=True)  # not frozen: frozen dataclasses are slow to build; never changed once built
class Institution:
    """An institution as a record states it: an id where the source resolved one, always a name.

    Records that state an institution identically share one Institution object."""

    name: str
    id: str | None = None
    ror: str | None = None
    lineage: tuple[str, ...] = ()
    country: str | None = None


@dataclass(slots=True)
class Authorship:
    name: str
    position: int
    institutions: tuple[Institution, ...] = ()
    raw_affiliations: tuple[str, ...] = ()
    author_id: str | None = None

    @property
    def institution_ids(self) -> set[str]:
        """Every OpenAlex id of this authorship's institutions, their lineage included."""
        return {i for inst in self.institutions for i in (inst.id, *inst.lineage) if i}

    @property
    def is_unaffiliated(self) -> bool:
        """The record gives no affiliation at all: no institution and no raw string. Such an
        author could be anywhere, so a claim about coauthors cannot be settled for them."""
        return not self.institutions and not self.raw_affiliations


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a work came from: a snapshot's data file and line, or a curated file and line."""

    kind: str  # "snapshot" | "curated"
    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


_UPDATED_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?!\d)")


def updated_on(updated: str | None) -> dt.date | None:
    """The day of a record's `updated_date`, or None where it gives no real day ("2025-13-45");
    `evidence.updated_day` gives it as text."""
    if not updated or not _UPDATED_DAY.match(updated):
        return None
    try:
        return dt.date.fromisoformat(updated[:10])
    except ValueError:
        return None


@dataclass(slots=True)
class Work:
    id: str
    title: str
    published: PartialDate | None
    authorships: tuple[Authorship, ...]
    origin: Origin
    doi: str | None = None
    arxiv: str | None = None
    url: str | None = None
    keywords: tuple[str, ...] = ()
    topic_ids: tuple[str, ...] = ()
    is_retracted: bool = False
    authors_truncated: bool = False
    # No flag either way, and exactly as many authors as API list pages keep: cut, perhaps.
    authors_may_be_cut: bool = False
    updated: str | None = None
    version: str | None = None
    group: str | None = None  # curated: records that are versions of one work share a group
    openalex_id: str | None = None  # curated: the OpenAlex work id the analyst gives the version
    # Names Crossref put in the author list that are institutions ("Kazan University"): not
    # authors, so never counted as one, but kept, since each may be a coauthor's affiliation.
    interleaved_institutions: tuple[Authorship, ...] = ()
    sources: tuple[dict[str, Any], ...] = ()
    abstract_text: str | None = None
    abstract_index: dict[str, list[int]] | None = field(default=None, repr=False)
    # Positions the inverted index skips before its last word (`missing_words`), once rebuilt.
    abstract_missing: int = field(default=0, repr=False, compare=False)

    @property
    def abstract(self) -> str:
        """The abstract; OpenAlex's inverted index is rebuilt only when asked for."""
        if self.abstract_text is None:
            self.abstract_text, self.abstract_missing = (
                _rebuilt(self.abstract_index) if self.abstract_index else ("", 0)
            )
            self.abstract_index = None
        return self.abstract_text

    def words_missing_from_abstract(self) -> int:
        """How many words the abstract lacks where its inverted index skips positions (0 for a
        plain abstract, or none)."""
        _ = self.abstract  # rebuilt, counting them
        return self.abstract_missing

    def within_record(self, current_on: dt.date | None) -> Work:
        """The work, its date as a record current on `current_on` can show it (a date after that
        day stands for any day up to it: `PartialDate.within_record`). The record was current
        on its own `updated_date` too, where that is later: a snapshot's as-of may be its
        subjects' alone (an import with subjects), and another record updated since shows dates
        up to its own day."""
        if current_on is not None and self.published is not None:
            own = updated_on(self.updated)
            self.published = self.published.within_record(max(current_on, own) if own else current_on)
        return self

    def identity_keys(self) -> list[str]:
        """Keys that name the same work across sources (an OpenAlex id, a DOI, an arXiv id)."""
        keys = [f"id:{self.id}"]
        if self.openalex_id and self.openalex_id != self.id:  # a curated version's OpenAlex record
            keys.append(f"id:{self.openalex_id}")
        if self.group:
            keys.append(f"group:{self.origin.path}#{self.group}")
        if self.doi:
            keys.append(f"doi:{self.doi}")
            m = ids.ARXIV_DOI.match(self.doi)
            if m:
                keys.append(f"arxiv:{m.group(1)}")
        if self.arxiv and (key := f"arxiv:{self.arxiv.lower()}") not in keys:
            keys.append(key)
        return keys


_ABSTRACT_WORDS = 200_000  # a hostile index must not allocate without bound


def rebuild_abstract(index: dict[str, list[int]]) -> str:
    """OpenAlex ships abstracts as {word: [positions]}; put the words back in order. A position
    that is no whole number (null, "2", 2.0 or true in a broken file) places nothing, and the
    rest of the abstract stands: one bad word must not hide the others from the matchers.
    Positions the index skips between two words are words it lacks: they are read as a block's
    end (`BLOCK_END`), which no phrase runs across, since the words either side never stood
    together ("face" at 2 and "recognition" at 5 are no "face recognition"). A position the index
    gives two words is one whose word is not known: each stands apart, between block ends, and
    it is a word the abstract lacks too."""
    return _rebuilt(index)[0]


def missing_words(index: dict[str, list[int]]) -> int:
    """How many words of the abstract the index lacks, at least: the positions it skips before
    its last word, or the words it gives at a position it cannot place (which may stand in those
    skipped, or after the last word placed), whichever are more."""
    return _rebuilt(index)[1]


def _rebuilt(index: dict[str, Any]) -> tuple[str, int]:
    """The abstract an index gives, and how many of its words it lacks (`missing_words`)."""
    try:
        positions = list(itertools.chain.from_iterable(index.values()))
    except TypeError:  # a word's positions are no list
        return _rebuild_with_care(index)
    if not positions:
        return "", 0
    if set(map(type, positions)) != {int} or min(positions) < 0 or (top := max(positions)) >= _ABSTRACT_WORDS:
        return _rebuild_with_care(index)
    words: list[str | None] = [None] * (top + 1)  # every position a whole number in range: the usual case
    for word, at in index.items():
        for p in at:
            words[p] = word
    if len(positions) != len(words) - words.count(None):  # a position given twice, perhaps to two words
        return _rebuild_with_care(index)
    return _joined(words)


def _rebuild_with_care(index: dict[str, Any]) -> tuple[str, int]:
    """_rebuilt for an index some position of which is odd: each checked. A position it cannot
    place is a word the abstract lacks, as a skipped one is, even after the last word placed."""
    placed: dict[int, set[str]] = {}
    unplaced = 0
    for word, positions in index.items():
        for p in positions if isinstance(positions, list) else [None]:
            if type(p) is int and 0 <= p < _ABSTRACT_WORDS:
                placed.setdefault(p, set()).add(word)
            else:
                unplaced += 1
    if not placed:
        return "", 0
    words: list[str | tuple[str, ...] | None] = [None] * (max(placed) + 1)
    for p, given in placed.items():
        words[p] = given.pop() if len(given) == 1 else tuple(sorted(given))  # several: which is not known
    text, skipped = _joined(words, sum(isinstance(w, tuple) for w in words))
    return text, max(skipped, unplaced)  # the words it cannot place may stand where it skips


def _joined(words: Sequence[str | tuple[str, ...] | None], contested: int = 0) -> tuple[str, int]:
    """The words placed, in order, a run of positions none placed read as a block's end between
    the words either side; and how many such positions there are, and positions given several
    words (a tuple of them), each of which stands apart between block ends. An empty word is a
    word the index gives (no gap), and reads as nothing. `contested`: how many tuples `words` holds."""
    missing = words.count(None) + contested
    if not missing:
        return " ".join(filter(None, words)), 0  # type: ignore[arg-type]  # no tuple: all str
    out: list[str] = []
    gap = False
    for w in words:
        if w is None:
            gap = True
            continue
        if gap and out:
            out.append(BLOCK_END)
        gap = False
        if isinstance(w, tuple):  # which of them stood here is not known: none joins another word
            out += [BLOCK_END, *(f"{x} {BLOCK_END}" for x in w if x)] if out else [f"{x} {BLOCK_END}" for x in w if x]
            continue
        if w:
            out.append(w)
    return " ".join(out), missing


# --- OpenAlex records --------------------------------------------------------------------------


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


MAX_ID_CHARS = 200  # an id the record gives that is no OpenAlex id: kept only while it is short


def _work_id(value: str | None) -> str | None:
    """The record's OpenAlex id, where it is one of a sensible length (see ids.MAX_OPENALEX_DIGITS)."""
    short = ids.openalex_id(value)
    return short if short and len(short) <= ids.MAX_OPENALEX_DIGITS + 1 else None


def _short_str(value: object) -> str | None:
    """A record's own id where it is no OpenAlex id, if it is short enough to cite; a longer one
    (a hostile or broken record) gives way to the record's origin."""
    return value if isinstance(value, str) and 0 < len(value) <= MAX_ID_CHARS else None


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}


LIST_AUTHORS_CAP = 100  # authorships an API list response gives a work at most (FACTS.md)


def work_from_openalex(record: dict[str, Any], origin: Origin) -> Work:
    """A Work from an OpenAlex work record, tolerating nulls, missing fields and odd types."""
    record_ids = _dict(record.get("ids"))
    wid = (
        _work_id(_str(record.get("id")))
        or _work_id(_str(record_ids.get("openalex")))
        or _short_str(record.get("id"))
        or f"{origin.path}:{origin.line}"
    )
    people = [_authorship(a, i) for i, a in enumerate(_list(record.get("authorships"))) if isinstance(a, dict)]
    authors, interleaved = _people_and_institutions(people)
    published = openalex_date(record)
    topics = [t for t in _list(record.get("topics")) if isinstance(t, dict)]
    primary = _dict(record.get("primary_topic"))
    if primary and all(t.get("id") != primary.get("id") for t in topics):
        topics.append(primary)
    keywords = tuple(
        name for k in _list(record.get("keywords")) if isinstance(k, dict) and (name := _str(k.get("display_name")))
    )
    index = record.get("abstract_inverted_index")
    plain = _str(record.get("abstract"))  # some sources and exports give the abstract as text
    landing = _str(_dict(record.get("primary_location")).get("landing_page_url"))
    return Work(
        id=wid,
        title=_str(record.get("title")) or _str(record.get("display_name")) or "",
        published=published,
        authorships=tuple(authors),
        interleaved_institutions=tuple(interleaved),
        origin=origin,
        doi=ids.doi(_str(record.get("doi")) or _str(record_ids.get("doi"))),
        url=landing,
        keywords=keywords,
        topic_ids=tuple(filter(None, (ids.openalex_id(_str(t.get("id"))) for t in topics))),
        is_retracted=record.get("is_retracted") is True,
        authors_truncated=record.get("is_authors_truncated") is True,
        authors_may_be_cut=not isinstance(record.get("is_authors_truncated"), bool)
        and len(authors) == LIST_AUTHORS_CAP,
        updated=_str(record.get("updated_date")),
        arxiv=_arxiv_location(record),
        abstract_text=plain if plain and not isinstance(index, dict) else None,
        abstract_index=index if isinstance(index, dict) else None,
    )


# An arXiv abstract or PDF page, as OpenAlex gives a location's landing_page_url and pdf_url
# ("https://arxiv.org/abs/2007.14454", "http://arxiv.org/pdf/2311.04496v1"): the id without its
# version, new style (2007.14454) or old (hep-th/9711200).
_ARXIV_PAGE = re.compile(
    r"https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/(\d{4}\.\d{4,5}|[a-z][a-z.-]*/\d{7})(?:v\d+)?(?:\.pdf)?/?",
    re.IGNORECASE,
)


def _arxiv_location(record: dict[str, Any]) -> str | None:
    """The arXiv id of the one arXiv version among the record's `locations`: OpenAlex lists a
    journal article's preprint there, often beside a work record of its own for that preprint
    (whose DOI, 10.48550/arXiv.ID, names the same id), so that the two are versions of one work.
    None where no location is on arXiv, or where several arXiv ids are (which one is the work's
    cannot be told), the record's own arXiv DOI among them."""
    found = {
        _OLD_STYLE_CLASS.sub(r"\1/", m.group(1).lower())  # math.AG/0309136 is math/0309136, as DOIs write it
        for loc in _list(record.get("locations"))
        if isinstance(loc, dict)
        for url in (_str(loc.get("landing_page_url")), _str(loc.get("pdf_url")))
        if url and (m := _ARXIV_PAGE.fullmatch(url))
    }
    if found and (own := ids.ARXIV_DOI.match(ids.doi(_str(record.get("doi"))) or "")):
        found.add(own.group(1).lower())  # an arXiv record's own id is among them: another makes two
    return found.pop() if len(found) == 1 else None


# An old-style id's subject class ("math.AG/0309136"): the archive alone names the paper.
_OLD_STYLE_CLASS = re.compile(r"^([a-z-]+)\.[a-z-]+/(?=\d{7}$)")


def openalex_date(record: dict[str, Any]) -> PartialDate | None:
    """The work's date as OpenAlex knows it. OpenAlex writes a date known only to the year as
    YYYY-01-01 (a fifth of a real sample falls on 1 January), and no field of a work record says
    which dates those are; so a 1 January date is read as its year, and a claim boundary inside
    that year makes the work uncertain rather than silently early."""
    written = record.get("publication_date")
    date = PartialDate.parse(written)
    if date is not None and date.month == 1 and date.day == 1:
        return PartialDate(date.year, written=str(date))
    return date or PartialDate.parse(_whole_year(record.get("publication_year")))


def _whole_year(value: object) -> object:
    """A year written as a whole float (2021.0, as a tool that writes every number as a float
    gives it) as the year; anything else as it is (`year_with_a_fraction` refuses 2021.5)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def year_with_a_fraction(record: dict[str, Any]) -> str | None:
    """What is wrong with a work record's `publication_year` where it is a number with a fraction
    (2021.5): no year a work can have, and read as none, the work would be undated in silence
    where its `publication_date` is missing. None where it is anything else."""
    year = record.get("publication_year")
    if isinstance(year, float) and not year.is_integer():
        return f"publication_year {year!r}, not a whole number: no year a work can have"
    return None


def _authorship(a: dict[str, Any], position: int) -> Authorship:
    # Written tight: this and _institution run for every author of every record streamed.
    author = a.get("author")
    author = author if isinstance(author, dict) else {}
    institutions = a.get("institutions")
    institutions = (
        tuple([x for i in institutions if isinstance(i, dict) and (x := _institution(i)) is not _NO_INSTITUTION])
        if isinstance(institutions, list)
        else ()
    )
    raw_strings = a.get("raw_affiliation_strings")
    raw = (
        [s for s in raw_strings if isinstance(s, str) and s and not s.isspace()]
        if isinstance(raw_strings, list)
        else []
    )
    affiliations = a.get("affiliations")
    if isinstance(affiliations, list) and len(affiliations) > len(raw):
        # Newer records carry the raw strings here as well; look only where they may add one.
        for aff in affiliations:
            s = aff.get("raw_affiliation_string") if isinstance(aff, dict) else None
            if isinstance(s, str) and s and not s.isspace() and s not in raw:
                raw.append(s)
    name = author.get("display_name") or a.get("raw_author_name")
    return Authorship(
        name=name if isinstance(name, str) else "(unnamed author)",
        position=position,
        institutions=institutions,
        raw_affiliations=tuple(raw),
        author_id=ids.openalex_id(author.get("id")),
    )


# An institution with neither an id nor a name says nothing: OpenAlex's placeholder `I-1`
# (about 1.7M works carry it) is no affiliation at all, and is left out of the authorship.
_NO_INSTITUTION = Institution(name="")


def _institution(i: dict[str, Any]) -> Institution:
    """The same institution appears in record after record: each distinct one is built once."""
    lineage = i.get("lineage")
    key = (
        i.get("id"),
        i.get("display_name"),
        i.get("ror"),
        i.get("country_code"),
        tuple(lineage) if isinstance(lineage, list) else lineage,
    )
    try:
        found = _INSTITUTIONS.get(key)
    except TypeError:  # an odd value that cannot be a key (a list where a string belongs)
        return _new_institution(i)
    if found is None:
        if len(_INSTITUTIONS) >= 100_000:
            _INSTITUTIONS.clear()
        found = _INSTITUTIONS[key] = _new_institution(i)
    return found


_INSTITUTIONS: dict[tuple, Institution] = {}


def _new_institution(i: dict[str, Any]) -> Institution:
    own = ids.openalex_id(i.get("id"))
    lineage = i.get("lineage")
    lineage = tuple([x for x in map(ids.openalex_id, lineage) if x]) if isinstance(lineage, list) else ()
    name, ror, country = i.get("display_name"), i.get("ror"), i.get("country_code")
    if not own and not (isinstance(name, str) and name):
        return _NO_INSTITUTION
    return Institution(
        name=name if isinstance(name, str) else "",
        id=own,
        ror=ids.ror_id(ror) if ror else None,
        lineage=lineage or ((own,) if own else ()),
        country=country if isinstance(country, str) and country else None,
    )


# Words that make an "author" an institution: Crossref sometimes interleaves affiliations with
# the authors, and OpenAlex keeps them as authors named "Kazan University".
_INSTITUTION_WORDS = frozenset(
    [
        "univ",
        "inst",
        "academia",
        "hôpital",
        "hopital",
        "politecnico",
        "polytechnic",
        "consejo",
        "university",
        "universities",
        "universidad",
        "universidade",
        "université",
        "universite",
        "università",
        "universita",
        "universität",
        "universitat",
        "universiteit",
        "uniwersytet",
        "institute",
        "institut",
        "instituto",
        "istituto",
        "academy",
        "laboratory",
        "laboratories",
        "laboratoire",
        "hospital",
        "ministry",
        "faculty",
        "department",
        "corporation",
        "company",
        "inc",
        "ltd",
        "gmbh",
    ]
)
# Words that are surnames too ("Ann College", "A. Lab"): they make an institution only in a longer
# name. "Lab" is how Crossref strings shorten "Laboratory" ("State Key Lab of ...", "Tencent AI Lab").
_SURNAME_INSTITUTION_WORDS = frozenset({"college", "school", "center", "centre", "lab", "labs"})
_CJK_INSTITUTION = re.compile("大学|学院|研究所|研究院|实验室|医院|公司")


def names_an_author(record: dict[str, Any]) -> bool:
    """Whether a work record gives an author, as `work_from_openalex` reads it (an authorship
    that is an institution Crossref put among the authors is none): a copy of a record that
    gives none cannot show who wrote the work."""
    return any(
        isinstance(a, dict) and not _is_institution_name(_authorship(a, i))
        for i, a in enumerate(_list(record.get("authorships")))
    )


def _people_and_institutions(people: list[Authorship]) -> tuple[list[Authorship], list[Authorship]]:
    """The authors, and the institutions Crossref put among them, each judged once."""
    authors: list[Authorship] = []
    interleaved: list[Authorship] = []
    for a in people:
        (interleaved if _is_institution_name(a) else authors).append(a)
    return authors, interleaved


def _is_institution_name(a: Authorship) -> bool:
    """An authorship whose name is an institution's ("Kazan University", "School of Computer
    Science"), not a person's. Only one with no affiliation of its own: an interleaved
    institution carries none (its name is the affiliation), and a person whose name holds such
    a word ("Lee Hospital") keeps the affiliation the record gives them."""
    if a.institutions or a.raw_affiliations:
        return False
    return names_an_institution(a.name)


def names_an_institution(name: str) -> bool:
    """A name that is an institution's ("Kazan University", 哈尔滨工业大学), not a person's."""
    if _CJK_INSTITUTION.search(name):
        return True
    words = re.findall(r"[^\W\d_]+", name.casefold())
    if len(words) < 2:
        return False
    return not _INSTITUTION_WORDS.isdisjoint(words) or (
        (len(words) >= 3 or "of" in words) and not _SURNAME_INSTITUTION_WORDS.isdisjoint(words)
    )
