"""Topic phrases in titles, keywords and abstracts.

Phrases fold case, inflection (faces, deepfakes, qubits) and hyphenation (re-identification,
reidentification, re identification, a word broken at a line's end: re-\nidentification): each
run of words is compared by the concatenation of its words' keys. `surface` never matches `face`
and `quantization` never matches `quantum`, because a match must start and end on word
boundaries, and a word broken at a line's end is one word ("sur-\nface"): a match that begins
after such a break is found apart (`find_after_breaks`), since "3D-\nface recognition" is one
the text cannot tell from it. Words come from spaCy's tokenizer and
inflection from its lookup lemmatizer's table (`_spacy`). Texts and phrases alike are read as a
reader sees them (`works.topic_reading`: through characters that show nothing, in their
compatibility form, dashes as hyphens), and a hit's span is in the text as given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Final

from ..works import (
    HYPHENS_AS_READ,
    may_read_two_ways,
    one_sigma,
    reads_two_ways,
    topic_reading,
    topic_reading_spans,
    without_markup_spans,
)
from ._spacy import lemma_table, nlp

# Characters that may join the words of one phrase: white space and hyphens (every dash a reader
# takes for a hyphen is '-' in a text as read; a dash only perhaps: `_DOUBTFUL_DASH`).
_JOINERS = re.compile(r"^[\s\-]*$")
_JOINER_RUNS = re.compile(r"[\s\-]+")
_PLAIN_WORD = re.compile(r"[^\W_]+")
_COMPOUND = re.compile(r"[^\W_]+(?:-[^\W_]+)*")  # a word, or words a hyphen joins
# A dash that may part two clauses as well as stand for a hyphen, so that the words either side
# are joined only perhaps (`find_across_dashes`), in a text as read: an em dash (its small and
# vertical forms are one after NFKC; a horizontal bar, the two- and three-em dashes read as one), in
# any spacing ("the face\u2014recognition came later", "Facial\u2014recognition systems", "Face \u2014
# recognition"), and LaTeX's "---", which sets one ("face---recognition"); any dash after white
# space ("face - recognition", "face \u2013 recognition", "Face -recognition"): it parts two phrases
# ("Entity List (EL) - Bureau of Industry and Security", as every spaced dash of the real records
# here does) far more often than it stands for a hyphen. One parenthetical dash, set spaced or
# not, en or em, in Unicode, by entity or by command, reads the same. A hyphen or an en dash
# between two words (or LaTeX's "--") joins them, and one before a line's end or a space ends a
# broken word ("face-\nrecognition"), as before.
_DOUBTFUL_DASH = re.compile("\\s-|-{3}|\u2014")
_EM_AS_HYPHEN = str.maketrans({"\u2014": "-"})
_EDGE_DASHES = "-\u2014"  # the dashes a word is read without at its edges (`_words`)


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The form two words share when they differ only by case or inflection."""
    lower = word.lower()
    lemma = lemma_table().get(lower)
    if lemma:
        return lemma
    # Words the table lacks (deepfakes, reenactments): a plain plural -s.
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return lower[:-1]
    return lower


@dataclass(frozen=True, slots=True)
class PhraseHit:
    phrase: str
    start: int
    end: int


# A word token: (key, lower case, start, end). A plain tuple, because every token of every
# title and abstract a topic is looked for in makes one, and a named tuple or a dataclass costs
# twice as much to make as the tokenising itself.
_Word = tuple[str, str, int, int]
_KEY: Final = 0
_LOWER: Final = 1
_START: Final = 2
_END: Final = 3


def _words(text: str) -> list[_Word]:
    """Word tokens of `text`, a text as read (`topic_reading`: its dashes are '-', at which
    spaCy's tokenizer splits words), with character offsets; hyphens and other punctuation
    dropped. spaCy keeps a hyphen before a space or a line break on its word ("re-" in "re-
    identification", a word broken at the end of a line): the word is read without it, so that
    the words on either side of the break may be joined as hyphenated words are. So are an em
    dash's beside a hyphen, which spaCy keeps on the word too ("recognition\u2014-", "-\u2014face"):
    the dashes are read apart from it, as a lone em dash is."""
    out = []
    for token, start in _pieces_of_tokens(text):
        if (token[0] in _EDGE_DASHES or token[-1] in _EDGE_DASHES) and (bare := token.strip(_EDGE_DASHES)):
            start += len(token) - len(token.lstrip(_EDGE_DASHES))
            token = bare
        form = _token_form(token)
        if form is not None:
            out.append((form[0], form[1], start, start + len(token)))
    return out


# A word a hyphen leaves for a later word to complete, and the words coordinated with it ("face-
# and voice recognition", "face-, voice- and gait recognition", "quantum- or classical computing"),
# up to the last of them (`last`), in a text whose markup is read and whose dashes a reader takes
# for a hyphen are "-" (`find_suspended`). The word they share is the word after the last ("face- and voice
# recognition"), or its part after a hyphen ("face- and voice-recognition": face-recognition and
# voice-recognition); the text cannot tell which where the last is a compound ("face- or
# fingerprint-based recognition"), so both are tried.
_SUSPENDED = re.compile(
    r"(?<=[^\W_])-[ \t]*(?:,[ \t]*[^\W_]+-[ \t]*)*,?[ \t]+(?:and|or|nor|&)[ \t]+(?P<last>[^\W_]+(?:-[^\W_]+)*)",
    re.IGNORECASE,
)


# A closing quotation mark or bracket and a hyphen between two words: spaCy splits at a hyphen
# only between letters, so it kept "recognition\u201d-based" of "\u201cface recognition\u201d-based"
# (or "(face recognition)-based", "\"Deepfake\"-style") one token and the phrase was lost. The
# token is cut there, its mark and hyphen dropped, a bracket only where what it closes holds a
# space: "(Re)-identification" writes one word, and "(Sur)-face" no "face". So where the hyphen
# ends the token, a line's end after it ("\u201cface recognition\u201d-\nbased").
_CLOSED_THEN_HYPHEN = re.compile(
    "(?<=[^\\W_])([\"'\u201d\u00bb\u203a]|[)\\]}])[\"'\u201d\u00bb\u203a)\\]}]*-+(?=[^\\W_]|$)"
)
_OPENING = {")": "(", "]": "[", "}": "{"}


def _pieces_of_tokens(text: str) -> Iterator[tuple[str, int]]:
    """spaCy's tokens of `text` with their offsets (`_tokens`), each cut at a run of dashes holding
    an em dash (`_EM_DASH_RUN`) and where a closing quotation mark or bracket and a hyphen stand
    between two words (`_CLOSED_THEN_HYPHEN`)."""
    for token, start in _tokens(text):
        if "\u2014" not in token or len(token) < 2:
            yield from _cut_after_closing_marks(text, token, start)
            continue
        at = 0
        for m in _EM_DASH_RUN.finditer(token):
            if m.start() > at:
                yield from _cut_after_closing_marks(text, token[at : m.start()], start + at)
            at = m.end()
        if at < len(token):
            yield from _cut_after_closing_marks(text, token[at:], start + at)


# A run of dashes holding an em dash inside a token: spaCy parts a lone em dash from the words
# beside it, but keeps "recognition\u2014-a" or "face-\u2014face" one token; read apart, as a lone
# one is.
_EM_DASH_RUN = re.compile("[-\u2014]*\u2014[-\u2014]*")


def _cut_after_closing_marks(text: str, token: str, start: int) -> Iterator[tuple[str, int]]:
    """A token of `text` at `start`, cut where a closing quotation mark or bracket and a hyphen
    stand between two words (`_CLOSED_THEN_HYPHEN`)."""
    if "-" not in token or len(token) < 3 or not _CLOSED_THEN_HYPHEN.search(token):
        yield token, start
        return
    at = 0
    for m in _CLOSED_THEN_HYPHEN.finditer(token):
        if m.group(1) in _OPENING and not _closes_words(text, start + m.start(), _OPENING[m.group(1)]):
            continue
        yield token[at : m.start()], start + at
        at = m.end()
    if at < len(token):
        yield token[at:], start + at


def _closes_words(text: str, at: int, opening: str) -> bool:
    """Whether the bracket at `at` closes one, opened before it in `text`, that holds a space."""
    before = text.rfind(opening, 0, at)
    return before >= 0 and any(c.isspace() for c in text[before:at])


# spaCy's tokenizer strips a chunk's leading and trailing punctuation a character at a time, each
# time looking again at what is left: a run of thousands at a chunk's start or end ("((((",
# quotes, emoji) takes seconds, so one hostile title could stall a check for minutes. Such a run
# is read apart, a character a token, as spaCy cuts it there, in linear time; the text either side
# as spaCy reads it. (Inside a word, between letters, spaCy reads a run in linear time, whole.)
_LONG_RUN = re.compile(r"(?<!\S)[^\w\s]{32,}|[^\w\s]{32,}(?!\S)")


def _tokens(text: str) -> Iterator[tuple[str, int]]:
    """spaCy's tokens of `text` with their offsets; a run of 32 or more characters that are
    neither letters, digits nor spaces, at a chunk's start or end, read a character a token
    (`_LONG_RUN`)."""
    tokenizer = nlp().tokenizer
    at = 0
    for run in _LONG_RUN.finditer(text):
        yield from ((t.text, at + t.idx) for t in tokenizer(text[at : run.start()]))
        yield from ((text[k], k) for k in range(run.start(), run.end()))
        at = run.end()
    yield from ((t.text, at + t.idx) for t in tokenizer(text[at:] if at else text))


# A word (or a bracket closing part of one), hyphens and white space: where
# `_continues_a_broken_word` may hold for the word after.
_HYPHEN_BREAK = re.compile(r"[^\W_]-+\s")
_BRACKET_BREAK = re.compile(r"[)\]}]-+\s")


def _may_follow_a_break(read: str) -> bool:
    """Whether a text as read holds a word (or a bracket closing part of one), hyphens and white
    space: the bracket told apart, since one pattern for both cost half as much again."""
    if _HYPHEN_BREAK.search(read):
        return True
    return (")-" in read or "]-" in read or "}-" in read) and _BRACKET_BREAK.search(read) is not None


def _continues_a_broken_word(text: str, at: int) -> bool:
    """Whether the word at `at` is the end of a word a hyphen and white space broke ("sur-
    face", "sur-\nface": "surface", which no match of "face" may begin in)."""
    before = at
    while before > 0 and text[before - 1].isspace():
        before -= 1
    hyphens = before
    while hyphens > 0 and text[hyphens - 1] == "-":
        hyphens -= 1
    return before < at and 0 < hyphens < before and (text[hyphens - 1].isalnum() or _closes_a_part(text, hyphens - 1))


def _closes_a_part(text: str, at: int) -> bool:
    """Whether the character at `at` is a bracket closing part of a word, after a letter or a
    digit, what it closes holding no space: "(Sur)-\nface" is "(Sur)-face" broken at a line's
    end, one word, as "(Sur)-face" is (`_CLOSED_THEN_HYPHEN`)."""
    c = text[at]
    return c in _OPENING and at > 0 and text[at - 1].isalnum() and not _closes_words(text, at, _OPENING[c])


@lru_cache(maxsize=200_000)
def _token_form(token: str) -> tuple[str, str] | None:
    """A token's key and lower case, or None for punctuation, space and hyphens: all of them
    the token's text alone decides (spaCy's lexeme flags), so a text's repeated words are
    worked out once."""
    lexeme = nlp().vocab[token]
    if lexeme.is_punct or lexeme.is_space or token == "-":
        return None
    return word_key(token), token.lower()


def _phrase_key(phrase: str) -> tuple[str, bool]:
    """The key a text's run of words must give to match, and whether its last word may inflect.

    Every word but the last is compared as written (case folded): "facing recognition" is not
    "face recognition". The last word is compared by its lemma where the phrase gives it in its
    base form ("face" matches "faces", "deepfake" matches "deepfakes"), and as written where it
    does not ("synthetic media" does not match "synthetic medium", which the table lemmatises to
    the same word).
    """
    forms, inflects = _phrase_forms(phrase)
    return "".join(forms), inflects


def _phrase_forms(phrase: str) -> tuple[list[str], bool]:
    """The forms of a phrase's words its key is made of (`_phrase_key`), and whether its last word
    may inflect."""
    words = _words(phrase)
    if not words:
        return [], True
    key, lower, _, _ = words[-1]
    inflects = key == lower
    return [w[_LOWER] for w in words[:-1]] + [key if inflects else lower], inflects


class PhraseSet:
    """A set of phrases found in text as DESIGN.md defines it; hits carry character spans."""

    def __init__(self, phrases: Iterable[str]):
        self.phrases = tuple(dict.fromkeys(p for p in phrases if p.strip()))
        self._inflecting: dict[str, str] = {}  # phrases whose last word may inflect, by key
        self._as_written: dict[str, str] = {}  # phrases whose last word must stand as written
        # A phrase is read as a text is (through characters that show nothing: "شبکه\u200cهای" as
        # written in Persian; in its compatibility form), and reported as written.
        for p in self.phrases:
            forms, inflects = _phrase_forms(topic_reading(p))
            for spelling in _spellings(forms):
                (self._inflecting if inflects else self._as_written).setdefault(spelling, p)
        keys = (*self._inflecting, *self._as_written)
        self._longest = max((len(k) for k in keys), default=0)
        # Every beginning of a key: a run of words can match only from a word whose key or
        # spelling is one (the keys of a run's words are its key's beginning, run together).
        self._key_starts = frozenset(k[:n] for k in keys for n in range(1, len(k) + 1))
        # Whether a key holds an apostrophe, which one after a word and before a space may stand for
        # in a text (`_APOSTROPHE_THEN_SPACE`).
        self._apostrophes = any("'" in k for k in keys)
        candidates = _candidate_words(map(topic_reading, self.phrases))
        # And each phrase's first word with one vowel written as a letter of another script that
        # looks like it (`_LOOKING_LIKE`), as a text typed in two scripts gives it ("Fаcial", its "а"
        # Cyrillic), or a dotless "ı" for its "i": the matchers read such a word in Latin letters.
        firsts = {w[0] for p in self.phrases if (w := _plain_words(one_sigma(topic_reading(p).lower())))}
        self._candidates = frozenset(
            map(one_sigma, candidates | _look_alike_spellings(firsts | {w + "s" for w in firsts}))
        )
        # Pieces shorter than three letters a text may split a phrase's first word into (re-id).
        self._short_starts = frozenset(one_sigma(k[:n]) for k in keys for n in (1, 2))
        # The plain words of the phrases as read, and their inflections: a mark between two words
        # can stand within a phrase only where both are among them (`_marks_within_phrases`).
        words = {w for p in self.phrases for w in _plain_words(one_sigma(topic_reading(p).lower()))}
        inflected = {surface for w in words for surface in _surfaces().get(w, ())}
        self._phrase_words = frozenset(words | inflected | {w + "s" for w in words})

    def might_match(self, text: str) -> bool:
        """A cheap, conservative test: False only where no phrase can match `text`, read either
        way where it reads two ways (`works.reads_two_ways`)."""
        return self._might_match_read(topic_reading(text)) or (
            reads_two_ways(text) and self._might_match_read(topic_reading(text, literal=True))
        )

    def _might_match_read(self, read: str) -> bool:
        return bool(self.phrases) and bool(self._anchor_words(_plain_words(one_sigma(read.lower()))))

    def may_be_among(self, words: frozenset[str]) -> bool:
        """The same test on a text's plain words in no order (an OpenAlex abstract index's):
        a short word that could start a split phrase word lets the text through, since without
        the order it cannot be joined to the next."""
        return bool(self.phrases) and not (self._candidates.isdisjoint(words) and self._short_starts.isdisjoint(words))

    def find(self, text: str) -> list[PhraseHit]:
        """Every non-overlapping phrase occurrence, leftmost-longest first, in the text as a
        reader sees it (`topic_reading`: characters that show nothing, zero-width ones and a soft
        hyphen, are read through, so "sur\u00adface" is one word; "ﬁ" is "fi", "Ｆ" is "F", an
        en dash a hyphen); a hit's span is in `text` as given. In a text that reads two ways (a
        tag that may be its own characters, a script's letters joined to a word or apart:
        `works.reads_two_ways`), only the hits both give."""
        return self._find_certain(text, dashes=False)

    def find_suspended(self, text: str) -> list[PhraseHit]:
        """The hits `find` leaves out because a hyphen leaves their first word for a later word to
        complete ("Face- and voice recognition": face recognition and voice recognition), read with
        the words between left out; a reader takes them so, though the text does not write the
        phrase. The hyphen is any dash `find` reads as one ("Face\u2013 and": `READ_AS_HYPHENS`),
        by character, entity or markup ("Face&#8211; and", "<i>Face</i>- and"), and the word
        shared may be the part after a hyphen of the last word coordinated ("face- and
        voice-recognition"). Spans in `text`, from the first word to the one it shares."""
        return [h for h, _ in self.find_suspended_at(text)]

    def find_suspended_at(self, text: str) -> list[tuple[PhraseHit, int]]:
        """`find_suspended`'s hits, each with where in `text` the hyphen it completes the word of
        stands: the words before it are the hit's, the words after it another compound's, as
        written ("Cattle- and human face recognition" writes "human face recognition"). A slash
        between two words before the one they share leaves the first for it to complete as such a
        hyphen does ("Face/voice recognition", `_SLASHED`), and stands where the hyphen would."""
        hits: dict[PhraseHit, int] = {}
        for completed, gaps in completed_readings(text, coordinated_before=self._phrase_words, first_too=True):
            for h in self.find(completed):
                hyphen = next((b for b, e in gaps if h.start < b and e <= h.end), None)
                if hyphen is not None:
                    hits.setdefault(h, hyphen)
        for completed, gaps in shared_first_readings(text, self._phrase_words):
            for h in self.find(completed):
                # Only a hit the word after the conjunction ends: "Face detection and recognition"
                # reads "face recognition", not the start of a longer phrase the text goes on with.
                gap = next(((b, e) for b, e in gaps if h.start < b and e <= h.end), None)
                if gap is not None and not any(c.isspace() for c in completed[gap[1] : h.end]):
                    hits.setdefault(h, gap[0])
        return sorted(hits.items(), key=lambda hit: (hit[0].start, -hit[0].end))

    def _find_certain(self, text: str, *, dashes: bool) -> list[PhraseHit]:
        """`find`'s hits; with `dashes`, words joined across a dash that may part them too
        (`_DOUBTFUL_DASH`)."""
        hits = self._find(text, after_breaks=False, dashes=dashes)
        if hits and reads_two_ways(text):
            literal = self._find(text, after_breaks=False, literal=True, dashes=dashes)
            return [h for h in hits if h in literal]
        return hits

    def find_either_way(self, text: str) -> list[PhraseHit]:
        """The hits `find` leaves out because the text reads two ways: a bare tag no closing tag
        follows is markup ("Sur<b>face" is "Surface") or the text's own characters, as in a
        comparison ("a<b>c"), or a script's letters are part of the word they touch or apart
        from it ("fa$_{ce}$"), and the text cannot tell which; the hits one reading gives and
        the other does not. Spans in `text`."""
        if not reads_two_ways(text):
            return []
        rendered = self._find(text, after_breaks=False)
        literal = self._find(text, after_breaks=False, literal=True)
        return [h for h in rendered if h not in literal] + [h for h in literal if h not in rendered]

    def find_in_reading(self, text: str, *, literal: bool) -> list[PhraseHit]:
        """The hits one of a text's two readings gives (`works.reads_two_ways`): with its bare
        tags as markup, or with `literal` as written. Spans in `text`."""
        return self._find(text, after_breaks=False, literal=literal)

    def find_after_breaks(self, text: str) -> list[PhraseHit]:
        """The hits `find` leaves out: those that begin on the word after a hyphen and white
        space ("3D-\nface recognition", "multi- face recognition"). Such a word may end a word a
        hyphen broke at a line's end ("sur-\nface" is "surface"), or be a compound's second part
        or a word of its own: the text cannot tell which."""
        return self._find(text, after_breaks=True)

    def find_across_marks(self, text: str) -> list[PhraseHit]:
        """The hits `find` leaves out because a quotation mark or a short bracketed aside stands
        between their words (`_marks_between_words`): 'A "quantum computing" inspired algorithm'
        holds "quantum computing inspired" if the quotes only set off part of it, and
        "text-to-video (T2V) retrieval" holds "text-to-video retrieval" with an abbreviation
        between; the text cannot tell whether the words are read as one phrase. Read with the
        marks and the aside as spaces, and any dash joining words too (`find_across_dashes`: a
        closing quote before a hyphen, '"quantum computing"-inspired', leaves a dash after a space).
        Spans in `text`."""
        if not self.phrases or not _may_hold_marks(text):
            return []
        # A bracket after a word may open an aside ("Cattle (Bos taurus) face recognition") or
        # words it sets off as quotes do ("A (quantum computing) inspired"): both readings.
        readings = [r for asides in (True, False) if (r := self._marks_within_phrases(text, asides=asides))]
        if not readings or not self.might_match(text):
            return []
        certain, out = self.find(text), []
        for stretches in readings:
            hits = self._find_certain(_spaced_out(text, stretches), dashes=True)  # the same offsets
            out += [
                h
                for h in hits
                if h not in certain and h not in out and any(h.start < b and e <= h.end for b, e in stretches)
            ]
        return sorted(out, key=lambda h: (h.start, -h.end))

    def _marks_within_phrases(self, text: str, *, asides: bool) -> list[tuple[int, int]]:
        """Where marks (`_marks_between_words`) stand in `text` between two words both of which may
        be a phrase's (`_phrase_words`): a cheap test, most marks in an abstract standing beside
        words of no phrase. A word that is not ASCII is taken as a phrase's, its reading not
        worked out."""
        return [
            (begin, end)
            for begin, end in _marks_between_words(text, asides=asides)
            if self._may_be_a_phrase_s(_word_before(text, begin)) and self._may_be_a_phrase_s(_word_after(text, end))
        ]

    def _may_be_a_phrase_s(self, word: str) -> bool:
        return bool(word) and (not word.isascii() or word.lower() in self._phrase_words)

    def find_across_dashes(self, text: str) -> list[PhraseHit]:
        """The hits `find` leaves out because a dash that may part two clauses stands between their
        words (`_DOUBTFUL_DASH`: an em dash in any spacing, "Facial\u2014recognition", "Face \u2014
        recognition", "face&mdash;recognition", LaTeX's "face---recognition"; any dash after white
        space, "face \u2013 recognition", "face - recognition", "Face -recognition"): read as a
        hyphen, it joins them; read as a dash, it parts two clauses. The text cannot tell which.
        Spans in `text`."""
        if not _holds_a_doubtful_dash(text) or not self.might_match(text):
            return []
        hits = self._find_certain(text, dashes=True)
        return [h for h in hits if _holds_a_doubtful_dash(text[h.start : h.end])]

    def _find(self, text: str, *, after_breaks: bool, literal: bool = False, dashes: bool = False) -> list[PhraseHit]:
        read = topic_reading(text, literal=literal)
        if after_breaks and not _may_follow_a_break(read):
            return []
        as_given = read == text
        if dashes and "\u2014" in read:
            read = read.translate(_EM_AS_HYPHEN)  # one character for one: the same offsets
        hits = self._find_read(read, after_breaks, dashes)
        if not hits or as_given:
            return hits
        spans = topic_reading_spans(text, literal=literal)
        return [PhraseHit(h.phrase, spans[h.start][0], spans[h.end - 1][1]) for h in hits]

    def _find_read(self, text: str, after_breaks: bool, dashes: bool = False) -> list[PhraseHit]:
        """The hits in a text as read."""
        windows = self._windows(text)
        if windows is None:  # offsets of the lower-cased text are not the text's: all of it
            return self._find_in(text, 0, len(text), after_breaks, dashes) if self._might_match_read(text) else []
        hits: list[PhraseHit] = []
        for start, end in windows:
            hits += self._find_in(text, start, end, after_breaks, dashes)
        return hits

    def _find_in(self, text: str, begin: int, end: int, after_breaks: bool, dashes: bool = False) -> list[PhraseHit]:
        """The hits in text[begin:end], a stretch spaCy's tokenizer cuts as it cuts the whole
        text (it begins and ends where the text does or at a space), scanned from its start;
        with `after_breaks`, only those beginning on a word after a hyphen and white space; with
        `dashes`, words joined across a dash that may part them too (`_DOUBTFUL_DASH`)."""
        window = text[begin:end]
        words = _words(window)
        hits: list[PhraseHit] = []
        starts = self._key_starts
        i = 0
        while i < len(words):
            if words[i][_KEY] not in starts and words[i][_LOWER] not in starts:
                i += 1  # no phrase's key begins with this word: none can match from here
                continue
            if _continues_a_broken_word(text, begin + words[i][_START]) != after_breaks:
                i += 1  # a match begins on a word boundary, and this may be inside a word
                continue
            hit, last = self._longest_at(words, i, window, dashes)
            if hit:
                hits.append(PhraseHit(hit, begin + words[i][_START], begin + words[last][_END]))
                i = last + 1
            else:
                i += 1
        return hits

    def _windows(self, text: str) -> list[tuple[int, int]] | None:
        """The stretches of `text` a phrase may be in, in order, apart (None where lower-casing
        changes the text's length, so that its offsets are not the text's).

        A phrase's first word holds a plain word `might_match` lets through: a candidate, or a
        short word joined to the words after it. Such a word's chunk (the text between two
        spaces: spaCy's tokenizer cuts at every space, and tokenizes each chunk on its own) is
        where a match may begin, and `_reach` says how far it may run. Tokenizing only those
        stretches gives the words, and so the hits, that tokenizing the whole text gives there,
        and no hit begins elsewhere."""
        if not self.phrases:
            return []
        lower = one_sigma(text.lower())
        if len(lower) != len(text):
            return None
        found = self._anchor_words(_plain_words(lower))
        if not found:
            return []
        anchors = sorted({at for word in found for at in _whole_word_starts(lower, word)})
        windows = [(text.rfind(" ", 0, at) + 1, self._reach(text, at)) for at in anchors]
        return _merged(windows)

    def _anchor_words(self, words: list[str]) -> set[str]:
        """The plain words (of a text's, in order) a match may begin in: a candidate, or a short
        word that begins one joined to the words after it (a phrase written as one word, split
        in the text after a short piece: re-identification)."""
        found = set(self._candidates.intersection(words))
        if self._short_starts.isdisjoint(words):
            return found
        for i, word in enumerate(words):
            if word in self._short_starts:
                joined, j = word, i
                while len(joined) < 3 and j + 1 < len(words):
                    j += 1
                    joined += words[j]
                if joined in self._candidates:
                    found.add(word)
        return found

    def _reach(self, text: str, at: int) -> int:
        """Where a match beginning in the chunk at `at` must end by. Every character of a chunk
        a match runs through whole, but for white space and hyphens, is in one of its words,
        whose lower case is no shorter; and a match's words before its last are at most
        `_longest` letters. So it ends in the first chunk by which the chunks after its own
        hold more than that."""
        end = text.find(" ", at)
        letters = 0
        while end >= 0 and letters <= self._longest:
            begin = end + 1
            end = text.find(" ", begin)
            letters += len(_JOINER_RUNS.sub("", text[begin : end if end >= 0 else len(text)]))
        return len(text) if end < 0 else end

    def _longest_at(self, words: list[_Word], i: int, text: str, dashes: bool) -> tuple[str | None, int]:
        """The longest phrase matching from word `i` and its last word's index; with `dashes`,
        words may be joined across a dash that may part them (`_DOUBTFUL_DASH`)."""
        best: tuple[str | None, int] = (None, i)
        prefix = ""
        for j in range(i, len(words)):
            key, lower, start, _ = words[j]
            if j > i:
                gap = text[words[j - 1][_END] : start]
                if self._apostrophes and _APOSTROPHE_THEN_SPACE.fullmatch(gap):
                    prefix += "'"  # "Peoples' Liberation", "People' s Liberation": a phrase's apostrophe
                elif not _joins(gap, dashes):
                    break
            found = self._inflecting.get(prefix + key) or self._as_written.get(prefix + lower)
            if found:
                best = (found, j)
            prefix += lower
            if len(prefix) > self._longest:
                break
        return best


def _may_suspend(text: str) -> bool:
    """Whether a hyphen (or a slash) may leave a word for a later one to complete in `text`, its
    dashes read as hyphens (`_SUSPENDED`, `_SLASHED`): told in C, most texts none."""
    return ("-" in text and ("- " in text or "-," in text or "-\t" in text)) or "/" in text


# Words a slash sets side by side before the word they share ("Face/voice recognition", "face/iris/
# voice recognition": face recognition, iris recognition, voice recognition; "face/voice-recognition"),
# from the first slash to the last of them (and its hyphen), in a text as `_SUSPENDED` reads it
# (`find_suspended_at`). Not "and/or", which coordinates no words of its own.
_SLASHED = re.compile(r"(?<=[^\W_])(?<!\band)(?:/[^\W_]+)+(?:-(?=[^\W_])|(?=[ \t]+[^\W_]))", re.IGNORECASE)
# The words and compounds a slash sets side by side, from the first slash to the last word, where
# they are compounds joined by hyphens before the word they share after a space ("Text-to-video/
# video-to-text retrieval": text-to-video retrieval and video-to-text retrieval, as retrieval papers
# write it), read whole beside `_SLASHED`'s reading, which takes a hyphen as the start of the word
# shared ("face/voice-recognition") (`_slashed_compounds`). Matched with no look ahead, so that
# finding them all reads each run of slashes once.
_SLASHED_RUN = re.compile(r"(?<=[^\W_])(?<!\band)(?:/[^\W_]+(?:-[^\W_]+)*)+", re.IGNORECASE)
_WORD_SHARED_AFTER = re.compile(r"[ \t]+[^\W_]")
# The slashes of a run read so, from the first: titles set two to four compounds side by side
# ("text-to-video/video-to-text/video-to-video"); each slash read is one more reading of the text.
# Only the compounds whose words are all a phrase's count (`_slashed_compounds`), so a title's
# longer list ("Image-to-text/text-to-image/image-to-video/video-to-image/text-to-video/...
# retrieval") still reads the compound that may be one with the word shared.
_SLASHES_READ = 4
# The compound before a run's first slash.
_COMPOUND_BEFORE = re.compile(r"[^\W_]+(?:-[^\W_]+)*$")


def _slashed_compounds(
    read: str, words: frozenset[str] = frozenset()
) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """For each run of compounds a slash sets side by side before a word they share (`_SLASHED_RUN`)
    in `read`, its span and the stretches a reader may leave out to read a compound whole with that
    word: from each of its first slashes (`_SLASHES_READ`) that a hyphen follows within the run, but
    after "and" ("and/or"), and whose compound before it is of `words` alone (a phrase's, where
    given: only such a compound may be one with the word shared), to the run's end; in order."""
    runs = []
    for m in _SLASHED_RUN.finditer(read):
        last_hyphen = read.rfind("-", m.start(), m.end())
        if last_hyphen < 0 or _WORD_SHARED_AFTER.match(read, m.end()) is None:
            continue  # words alone ("Face/voice recognition"): `_SLASHED` reads them
        slashes: list[int] = []
        at, begin = m.start(), _compound_start(read, m.start())
        while 0 <= at < last_hyphen and len(slashes) < _SLASHES_READ:
            if not _AND_BEFORE.search(read, max(0, at - 4), at) and _of_words(read[begin:at], words):
                slashes.append(at)
            begin, at = at + 1, read.find("/", at + 1, m.end())
        if slashes:
            runs.append((m.span(), [(at, m.end()) for at in slashes]))
    return runs


def _compound_start(read: str, slash: int) -> int:
    """Where the compound before a run's first slash (at `slash`) begins."""
    m = _COMPOUND_BEFORE.search(read, max(0, slash - 100), slash)
    return m.start() if m else slash


def _of_words(compound: str, words: frozenset[str]) -> bool:
    """Whether every word of `compound` may be a phrase's (`words`, all where none given; a word
    not in ASCII letters may be read as one)."""
    return not words or all(not w.isascii() or w.lower() in words for w in compound.split("-") if w)


_AND_BEFORE = re.compile(r"(?<![^\W_])and$", re.IGNORECASE)


def _compound_readings(
    found: list[list[tuple[int, int]]], runs: list[tuple[tuple[int, int], list[tuple[int, int]]]]
) -> Iterator[list[tuple[int, int]]]:
    """The stretches to leave out to read compounds a slash sets side by side whole
    (`_slashed_compounds`): for the k-th slash of each run that has one, from it to the run's end,
    beside the first stretch of every other match (`found`) outside those runs. One reading a slash
    deep, however many runs: a text of thousands is read a few times, not once a run."""
    for k in range(max((len(r) for _, r in runs), default=0)):
        read = [(span, r) for span, r in runs if len(r) > k]
        taken = [span for span, _ in read]  # the whole run: its slashes' own readings left aside
        yield sorted([r[k] for _, r in read] + _outside([f[0] for f in found], taken))


def _outside(stretches: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The `stretches` (in order, apart) that overlap none of `spans` (in order, apart)."""
    out, j = [], 0
    for b, e in stretches:
        while j < len(spans) and spans[j][1] <= b:
            j += 1
        if j < len(spans) and spans[j][0] < e:
            continue
        out.append((b, e))
    return out


def _apart(found: list[list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
    """The stretches each match may leave out (`_suspensions`), in order, a match overlapping one
    before it left out."""
    out: list[list[tuple[int, int]]] = []
    for stretches in sorted((f for f in found if f), key=lambda f: f[0]):
        if not out or stretches[0][0] >= max(e for _, e in out[-1]):
            out.append(stretches)
    return out


def _suspensions(m: re.Match[str], read: str) -> list[tuple[int, int]]:
    """The stretches a reader may leave out to complete the word a hyphen leaves (`_SUSPENDED`'s
    match `m` in a text, its markup read and its dashes a reader takes for a hyphen "-"): up to the last word coordinated where a space follows it, and
    up to each hyphen inside it."""
    end = m.end()
    out = [(m.start(), end)] if end < len(read) and read[end] in " \t\n" else []
    last = m.start("last")
    out += [(m.start(), last + k + 1) for k, c in enumerate(m.group("last")) if c == "-"]
    return out


def _completions(found: list[list[tuple[int, int]]]) -> Iterator[list[tuple[int, int]]]:
    """The stretches to leave out, one of each match's (`_suspensions`): every match's first, and
    each other one of a match with the rest's first."""
    firsts = [f[0] for f in found]
    yield firsts
    for i, stretches in enumerate(found):
        for other in stretches[1:]:
            yield [*firsts[:i], other, *firsts[i + 1 :]]


def completed_readings(
    text: str, coordinated_before: frozenset[str] = frozenset(), *, first_too: bool = False
) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """`text` as a reader completes each word a hyphen or a slash leaves for a later one
    (`PhraseSet.find_suspended_at`): the words between it and the word it shares spaced out, the
    same offsets ("Face-        recognition" of "Face- and voice recognition"), with where in
    `text` those words stood; and, before a word of `coordinated_before`, each word coordinated
    with no hyphen (`_coordinated_readings`), the word before them one of those with `first_too`."""
    yield from _coordinated_readings(text, coordinated_before, first_too=first_too)
    if text.isascii() and not _may_suspend(text) and not ("&" in text or "<" in text or "\\" in text):
        return  # no hyphen to leave a word, nor one an entity, a tag or a command may give
    rendered, origins = without_markup_spans(text)
    probe = rendered if rendered.isascii() else rendered.translate(HYPHENS_AS_READ)  # one character for one
    if not _may_suspend(probe):
        return
    found = _apart(
        [_suspensions(m, probe) for m in _SUSPENDED.finditer(probe)]
        + ([[m.span()] for m in _SLASHED.finditer(probe)] if "/" in probe else [])
    )
    runs = _slashed_compounds(probe, coordinated_before) if "/" in probe else []
    for stretches in chain(_completions(found) if found else (), _compound_readings(found, runs)):
        gaps = stretches if origins is None else [(origins[b][0], origins[e - 1][1]) for b, e in stretches]
        yield _spaced_out(text, gaps), gaps


# Words coordinated with no hyphen before the word they share ("Face and voice recognition",
# "face, iris and voice recognition", "Human and cattle face recognition"): English writes two
# compounds sharing their last word so as often as with a hyphen on the first, and a reader may
# take face recognition as meant. From after the first word to the last coordinated, a space and
# a word after it (`_coordinated_readings`).
_CONJOINED = re.compile(r"[ \t]+(?:and|or|&)[ \t]+[^\W_]+(?:-[^\W_]+)*(?=[ \t]+(?P<after>[^\W_]+))", re.IGNORECASE)
# Any conjunction `_CONJOINED` may read, told first (most texts with a phrase's word have none).
_A_CONJUNCTION = re.compile(r"[ \t](?:and|or|&)[ \t]", re.IGNORECASE)
# Compounds joined by hyphens set side by side with a comma alone before the word they share
# ("Text-to-video, video-to-text retrieval": text-to-video retrieval and video-to-text retrieval),
# as titles list them; between plain words a comma more often parts clauses ("For each video,
# caption generation"), so only compounds: from the first compound's end to the last's.
_COMMA_JOINED = re.compile(
    r",[ \t]*[^\W_]+(?:-[^\W_]+)+(?:[ \t]*,[ \t]*[^\W_]+(?:-[^\W_]+)+)*(?=[ \t]+(?P<after>[^\W_]+))"
)  # from the comma on, found in C at the commas; the compound before it looked at after
# The words before a conjunction coordinated with it, the first word's end where it starts.
_COORDINATED_BEFORE = re.compile(r"(?<=[^\W_])(?:[ \t]*,[ \t]*[^\W_]+(?:-[^\W_]+)*)*,?$")


def _coordinated_readings(
    text: str, words: frozenset[str], *, first_too: bool
) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """`text` with the words coordinated before a word of `words` (a phrase's) spaced out
    (`_CONJOINED`, `_COORDINATED_BEFORE`), all in one reading, and where they stood: "Face
    recognition" of "Face and voice recognition", the same offsets; with `first_too`, from the
    first of them that is one of `words`, as where a phrase spans the words left out. None where
    a word coordinated is a word of grammar ("the face and the voice recognition", "the face and
    then recognition"): no compound is shared."""
    if not words:
        return
    # Read as rendered, its entities and tags read ("Face &amp; voice recognition", "Face and<br>
    # voice recognition", as publishers' feeds write them), where they stood given back at the end.
    original = text
    written, origins = (text, None) if "<" not in text and "&" not in text else without_markup_spans(text)
    commas = _comma_joined(written, words, first_too=first_too) if "," in written and "-" in written else []
    if _A_CONJUNCTION.search(written) is None and not commas:
        return  # in any case: a title in capitals writes "FACE AND VOICE RECOGNITION"
    text = written
    from spacy.lang.en.stop_words import STOP_WORDS

    gaps: list[tuple[int, int]] = []
    for m in _CONJOINED.finditer(text):  # the conjunction first, told in C: most have no phrase's word after
        after = m.group("after").lower()
        if after not in words or after in STOP_WORDS or (gaps and m.start() < gaps[-1][1]):
            continue  # "faces and bodies in crowds": no compound's word after them
        before = _COORDINATED_BEFORE.search(text, max(0, m.start() - 200), m.start())
        if before is None:
            continue
        # Where the words left out begin: after the first coordinated, or with `first_too` after
        # the first that is a phrase's ("Speech, face and emotion recognition": after "face").
        ends = [before.start()] + [w.end() for w in _WORD.finditer(text, before.start(), m.start())]
        begin = next((e for e in ends if not first_too or _word_ending(text, e) in words), None)
        if begin is None or (not first_too and _word_ending(text, begin).endswith(_ACTS)):
            continue  # "Detection and cattle face recognition": a task of its own, no kind of face
        coordinated = _COMPOUND.findall(text[begin : m.end()])  # "video-to-text" is no "to"
        if not any(w.lower() in STOP_WORDS for w in coordinated if w.lower() not in ("and", "or")):
            gaps.append((begin, m.end()))
    if commas:  # each stretch left out by one reading or the other, apart, in order
        gaps = [f[0] for f in _apart([[g] for g in gaps + commas])]
    if gaps:
        if origins is not None:
            gaps = [(origins[b][0], origins[e - 1][1]) for b, e in gaps]
        yield _spaced_out(original, gaps), gaps


def _comma_joined(text: str, words: frozenset[str], *, first_too: bool) -> list[tuple[int, int]]:
    """The stretches `_COMMA_JOINED` leaves out before a word of `words`: from the first
    compound's end to the last's; with `first_too`, only where the first compound ends in one of
    `words` too ("text-to-video" of "text-to-video retrieval")."""
    out = []
    for m in _COMMA_JOINED.finditer(text):
        if m.group("after").lower() not in words:
            continue
        end = m.start()
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        k = end
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "-"):
            k -= 1
        compound = "-" in text[k:end].strip("-") and (k == 0 or text[k - 1] != "_")
        if compound and (not first_too or _word_ending(text, end) in words):
            out.append((end, m.end()))
    return out


# Words coordinated after the word they share ("Face detection and recognition": face detection
# and face recognition), the mirror of `_CONJOINED`: a reader may well take face recognition as
# meant. The word after the shared one, the conjunction and the next word, which ends the text or
# is followed by no further word of the phrase's (`shared_first_readings`).
_SHARED_FIRST = re.compile(
    r"(?<=[^\W_])[ \t]+(?P<x>[^\W_]+)[ \t]+(?P<conj>and|or|&)[ \t]+(?=(?P<y>[^\W_]+))", re.IGNORECASE
)


def shared_first_readings(text: str, words: frozenset[str]) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """`text` with each single word coordinated after a word it shares left out, the conjunction
    with it, all in one reading, and where they stood: "Face            recognition" of "Face
    detection and recognition", the same offsets. Read as rendered ("Face detection &amp;
    recognition"). None where the word left out or the word before it is a word of grammar
    ("the and recognition"), or the next word is no phrase's (`words`)."""
    if not words:
        return
    written, origins = (text, None) if "<" not in text and "&" not in text else without_markup_spans(text)
    if _A_CONJUNCTION.search(written) is None:
        return
    from spacy.lang.en.stop_words import STOP_WORDS

    gaps: list[tuple[int, int]] = []
    for m in _SHARED_FIRST.finditer(written):
        x, y = m.group("x").lower(), m.group("y").lower()
        if y not in words or x in STOP_WORDS or y in STOP_WORDS or _word_ending(written, m.start()) in STOP_WORDS:
            continue
        # From the space after the shared word: a tag opening the word left out goes with it
        # ("Face <i>detection</i> and recognition"), or left alone it makes the reading two.
        gaps.append((m.start(), m.end()))
    if gaps:  # all in one reading, as `_coordinated_readings`: one more look at a text, however long
        if origins is not None:
            gaps = [(origins[b][0], origins[e - 1][1]) for b, e in gaps]
        yield _spaced_out(text, gaps), gaps


_WORD = re.compile(r"[^\W_]+")
# The endings of words naming an act or a study ("detection", "tracking", "segmentation",
# "analysis", "estimation"): coordinated before an excluded phrase ("Pig detection and pig face
# recognition"), such a word names a task of its own, not a kind of face the phrase's words may
# complete as "Human and cattle face recognition" leaves "human face recognition".
_ACTS = ("tion", "sion", "ment", "ing", "sis", "ance", "ence")


def _word_ending(text: str, at: int) -> str:
    """The plain word ending at `at`, lower-cased."""
    k = at
    while k > 0 and text[k - 1].isalnum():
        k -= 1
    return text[k:at].lower()


def _spaced_out(text: str, stretches: list[tuple[int, int]]) -> str:
    """`text` with each of `stretches` (in order, apart) written as spaces."""
    pieces, at = [], 0
    for begin, end in stretches:
        pieces += [text[at:begin], " " * (end - begin)]
        at = end
    return "".join(pieces) + text[at:]


# A quotation mark at a word's edge (not an apostrophe inside a word, "People's"), an aside in
# brackets of up to three short words after a word ("text-to-video (T2V) retrieval", "Cattle (Bos
# taurus) face recognition"), or a bracket at a word's edge that sets words off as quotes do ("A
# (quantum computing) inspired algorithm"), which may set words apart or stand within one phrase
# (`find_across_marks`).
_QUOTES = '"\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a'
_SINGLE_QUOTES = "'\u2018\u2019"
# A quotation mark by its entity, as titles from publishers' feeds carry one ("&quot;").
_QUOTE_ENTITY = "&(?:quot|ldquo|rdquo|bdquo|laquo|raquo|lsquo|rsquo|#0*34|#0*39|#x0*2[27]|#822[01]|#x201[cdCD]);"
_MARK = re.compile(f"[{_QUOTES}{_SINGLE_QUOTES}()\\[\\]]|{_QUOTE_ENTITY}")
_ASIDE = re.compile(r"[(\[][^\s()\[\]]{1,15}(?: [^\s()\[\]]{1,15}){0,2}[)\]]")
# What may stand between a mark and the word beside it: white space, another quote ('"face"
# recognition'), a hyphen ('"quantum computing"-inspired').
_BESIDE_A_MARK = frozenset(" \t\n-" + _QUOTES + _SINGLE_QUOTES)


def _marks_between_words(text: str, *, asides: bool) -> list[tuple[int, int]]:
    """Where the quotation marks and the short bracketed asides after a word stand in `text`, in
    order, apart; or, not `asides`, the brackets at words' edges as marks of their own."""
    out: list[tuple[int, int]] = []
    for m in _MARK.finditer(text):
        at = m.start()
        if out and at < out[-1][1]:
            continue  # inside an aside
        c = text[at]
        if c == "&":
            out.append(m.span())
        elif c in "([":
            begin = at
            while begin > 0 and text[begin - 1] in " \t":
                begin -= 1
            if asides and begin > 0 and text[begin - 1].isalnum() and (aside := _ASIDE.match(text, at)) is not None:
                out.append((begin, aside.end()))
            elif at + 1 < len(text) and text[at + 1].isalnum():
                out.append((at, at + 1))  # opening words it sets off: "(quantum computing) inspired"
        elif c in ")]":
            if at > 0 and text[at - 1].isalnum():
                out.append((at, at + 1))  # closing them
        elif not (c in _SINGLE_QUOTES and 0 < at < len(text) - 1 and text[at - 1].isalnum() and text[at + 1].isalnum()):
            out.append((at, at + 1))
    return out


def _word_before(text: str, at: int) -> str:
    """The plain word before `at`, marks, hyphens and white space between (`_BESIDE_A_MARK`)."""
    k = at
    while k > 0 and text[k - 1] in _BESIDE_A_MARK:
        k -= 1
    end = k
    while k > 0 and text[k - 1].isalnum():
        k -= 1
    return text[k:end]


def _word_after(text: str, at: int) -> str:
    """The plain word from `at`, marks, hyphens and white space before it (`_BESIDE_A_MARK`)."""
    k = at
    while k < len(text) and text[k] in _BESIDE_A_MARK:
        k += 1
    begin = k
    while k < len(text) and text[k].isalnum():
        k += 1
    return text[begin:k]


def _may_hold_marks(text: str) -> bool:
    """Whether `text` may hold a mark `_marks_between_words` finds: told in C, most titles none."""
    return '"' in text or "'" in text or "(" in text or "[" in text or "&" in text or not text.isascii()


def _holds_a_doubtful_dash(text: str) -> bool:
    """Whether `text`, read either way (`works.reads_two_ways`), holds a dash that may part two
    clauses (`_DOUBTFUL_DASH`)."""
    if text.isascii() and not _may_doubt_a_dash(text) and "&" not in text and "\\" not in text and "<" not in text:
        return False  # no dash read from an entity, a command or a tag ("&ndash;", "\\textendash"): told in C
    readings = (
        (topic_reading(text), topic_reading(text, literal=True)) if may_read_two_ways(text) else (topic_reading(text),)
    )
    return any(_may_doubt_a_dash(read) and _DOUBTFUL_DASH.search(read) is not None for read in readings)


def _may_doubt_a_dash(read: str) -> bool:
    """Whether a text as read may hold a dash that may part two clauses (`_DOUBTFUL_DASH`): told
    in C, most texts none. Any white space before the dash, as `_DOUBTFUL_DASH` reads it: a form
    feed or a vertical tab (ASCII, white space to spaCy too) left "Face -\x0crecognition" joined
    by neither reading, the phrase lost."""
    if "-" in read and ("---" in read or _SPACE_THEN_DASH.search(read) is not None):
        return True
    return "\u2014" in read


_SPACE_THEN_DASH = re.compile(r"\s-")
# An apostrophe right after a word and white space after it, between two words (in a text as read,
# its typeset apostrophes "'"): a plural's possessive ("Peoples' Liberation Army"), or a
# possessive with a space typed after its apostrophe ("People\u2019 s Liberation Army"), which
# spaCy parts from the words either side.
_APOSTROPHE_THEN_SPACE = re.compile(r"'[ \t]+")


def _joins(gap: str, dashes: bool) -> bool:
    """Whether the characters between two words join them into one phrase: white space and
    hyphens, a dash that may part them (`_DOUBTFUL_DASH`) only with `dashes`."""
    return _JOINERS.match(gap) is not None and (dashes or "-" not in gap or not _DOUBTFUL_DASH.search(gap))


# In ASCII text the plain words are the runs of letters and digits: every other character cuts.
_ASCII_CUTS = {c: " " for c in range(128) if not chr(c).isalnum()}


# The letters of another script (Cyrillic) that look like Latin ones, by the Latin letter: in
# lower case, and the capitals', so "М" and "Т" stand for "M" and "T" but "м" and "т" for nothing.
LOOK_ALIKES: Final = str.maketrans(
    "\u0430\u0441\u0435\u043e\u0440\u0445\u0443\u0456\u0458\u0455\u04bb\u043a"
    "\u0410\u0412\u0421\u0415\u041d\u0406\u0408\u041a\u041c\u041e\u0420\u0405\u0422\u0425\u0423",
    "aceopxyijshkABCEHIJKMOPSTXY",
)


def _looking_like() -> dict[str, str]:
    """What the works table's words (lower-cased) hold for a vowel a look-alike stands for
    (`LOOK_ALIKES`), by that vowel: the look-alikes' lower case, and a dotless "ı" for "i". Only the
    vowels a, e, o and i, the look-alikes texts mix in most: each letter more adds words to every
    topic's prefilter (synthetic-media's 321 words grow to 453 with all fifteen, a third pattern
    of 200 alternatives, its test about a third slower over 200,000 rows; to 387 with the vowels,
    two patterns as before, no slower)."""
    out: dict[str, set[str]] = {"i": {"\u0131"}}
    for look_alike, latin in LOOK_ALIKES.items():
        if chr(latin).lower() in "aeoi":
            out.setdefault(chr(latin).lower(), set()).add(chr(look_alike).lower())
    return {latin: "".join(sorted(others)) for latin, others in out.items()}


_LOOKING_LIKE: Final = _looking_like()


def _look_alike_spellings(words: Iterable[str]) -> set[str]:
    """Each of `words` with one of its letters written as a look-alike of another script
    (`_LOOKING_LIKE`: "fаcial" with a Cyrillic "а", "facıal")."""
    return {w[:i] + other + w[i + 1 :] for w in words for i, c in enumerate(w) for other in _LOOKING_LIKE.get(c, "")}


def _plain_words(lower: str) -> list[str]:
    """The plain words of a lower-cased text, in order (cut by translate() and split() where it
    is ASCII: the same words, several times faster than the regular expression)."""
    return lower.translate(_ASCII_CUTS).split() if lower.isascii() else _PLAIN_WORD.findall(lower)


def _whole_word_starts(lower: str, word: str) -> list[int]:
    """Where `word`, a plain word, stands whole in `lower`: no letter or digit either side (a
    character is of a plain word, `[^\\W_]`, where `str.isalnum` says so). Found by `str.find`
    and the two characters either side looked at, where a regular expression's lookbehind tried
    every offset of the text: an abstract's windows cost a third as much."""
    out = []
    size, end = len(word), len(lower)
    at = lower.find(word)
    while at >= 0:
        after = at + size
        if (at == 0 or not lower[at - 1].isalnum()) and (after == end or not lower[after].isalnum()):
            out.append(at)
        at = lower.find(word, at + 1)
    return out


def _merged(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches that overlap or touch, as one."""
    out: list[tuple[int, int]] = []
    for begin, end in sorted(windows):
        if out and begin <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((begin, end))
    return out


def plain_words(words: Iterable[str]) -> frozenset[str]:
    """The lower-case plain words of some words (an OpenAlex abstract index's keys), for
    may_be_among: those of the words as given and as read (`topic_reading`) either way, as
    `find` reads them."""
    text = " ".join(words)
    found = frozenset(_plain_words(one_sigma(text.lower())))
    reads = (
        {topic_reading(text), topic_reading(text, literal=True)} if may_read_two_ways(text) else {topic_reading(text)}
    )
    for read in reads - {text}:
        found |= frozenset(_plain_words(one_sigma(read.lower())))
    return found


def _spellings(forms: list[str]) -> tuple[str, ...]:
    """A phrase's key (its words' forms, `_phrase_forms`, run together) and, where it holds an
    apostrophe, the keys a reader reads as it: without the apostrophe inside a word ("Xian" for
    "Xi'an", as names are read) or of a possessive ("People's Liberation Army" is written "Peoples
    Liberation Army" and "People s Liberation Army" as often as titles lose an apostrophe: Web of
    Science's "Peoples R China"), and a possessive as a plural's ("Peoples' Liberation Army"). Not
    without a contraction's, which makes another word: "we'll" is not "well", "can't" not "cant",
    "we're" not "were". None for an empty key."""
    key = "".join(forms)
    if "'" not in key:
        return (key,) if key else ()
    lost = "".join("s" if f == "'s" else f if _CONTRACTION.fullmatch(f) else f.replace("'", "") for f in forms)
    spellings = dict.fromkeys((key, lost))
    if "'s" in forms:
        spellings["".join("s'" if f == "'s" else f for f in forms)] = None
    return tuple(spellings)


# The contractions spaCy's tokenizer splits from the word before ("we'll", "can't": "we" "'ll", "ca"
# "n't"), but for the possessive's "'s".
_CONTRACTION = re.compile(r"'(?:ll|re|ve|d|m|s)|n't")


@lru_cache(maxsize=1)
def _surfaces() -> dict[str, tuple[str, ...]]:
    """The lemma table turned about: each lemma's inflected forms, worked out once."""
    out: dict[str, list[str]] = {}
    for surface, lemma in lemma_table().items():
        out.setdefault(lemma, []).append(surface)
    return {lemma: tuple(surfaces) for lemma, surfaces in out.items()}


def _candidate_words(phrases: Iterable[str]) -> frozenset[str]:
    """Words one of which a text must hold for any phrase to match it.

    A match's first word has a key that is a prefix of the phrase's key (the keys of its words
    run together), so any word whose key or spelling is such a prefix is a candidate; so are the
    spellings the lemma table or the plural rule map onto one. Prefixes shorter than the
    phrase's first word and than three letters are left out: they would let every "a" through,
    at the cost of a phrase written as one word not matching a text that splits off one or two
    of its first letters with a space ("reidentification" against "re identification").
    """
    prefixes: set[str] = set()
    for phrase in phrases:
        words = _words(phrase)
        if not words:
            continue
        shortest = min(3, len(words[0][_KEY]), len(words[0][_LOWER]))
        for key in _spellings(_phrase_forms(phrase)[0]):
            prefixes.update(key[:n] for n in range(shortest, len(key) + 1))
        # A first word with punctuation inside ("U.S.", "C++") is one token to spaCy but
        # several plain words to the prefilter: its first plain word is a candidate too.
        prefixes.update(_PLAIN_WORD.findall(words[0][_LOWER])[:1])
    inflected = {surface for surface, lemma in lemma_table().items() if lemma in prefixes}
    plurals = {p + "s" for p in prefixes}
    return frozenset(prefixes | inflected | plurals)
