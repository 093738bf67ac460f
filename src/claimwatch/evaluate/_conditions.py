"""The condition compiler: a claim's `works:` condition compiled once into one test function,
run on every work whose subject has an author on it.

Conditions are three-valued (`Truth`): a work certainly meets one, certainly fails it, or the
record cannot say (a date straddles a listing date, a listing date is unknown, an author list
is truncated). A test returns `_FAILS` for a work that certainly fails, which most do, and an
`_Outcome` (its truth, the reasons, the doubts) for any other.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from .._text import printable
from ..claims import Claim, ClaimFile, Condition, describe_condition
from ..lists import ListEntry, listed_within, periods_said
from ..results import AbsenceReason, PhraseReason, only_no_start_given, start_unread_said
from ..works import (
    LIST_AUTHORS_CAP,
    Authorship,
    PartialDate,
    Work,
    may_read_two_ways,
    names_an_institution,
)
from ._matchers import (
    ListMatcher,
    SubjectMatcher,
    TopicMatcher,
    _EntryHit,
    _ListedHit,
    _Matchers,
    _SubjectHit,
    related_doubt,
)
from ._names import _is_cjk, fold
from ._phrases import plain_words


class Truth(IntEnum):
    """Three-valued logic: a condition holds, fails, or cannot be decided from the record.

    Ordered, so that `max` is "or" and `min` is "and": FALSE < UNKNOWN < TRUE.
    """

    FALSE = 0
    UNKNOWN = 1
    TRUE = 2


# The members under module names: a global lookup, as fast as the plain ints these once were,
# where `Truth.TRUE` looks up an attribute of the enum class, several times slower. The hot
# paths (every test of every work) use these.
TRUE, UNKNOWN, FALSE = Truth.TRUE, Truth.UNKNOWN, Truth.FALSE


@dataclass
class _Outcome:
    """What one record showed for one claim."""

    status: Truth
    reasons: list[Any] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)
    # Each list entry counted as listed before publication, judged against this record's own
    # date: an earlier version of the work is judged again later (`_relisted`).
    listings: list[ListEntry] = field(default_factory=list)


# --- conditions -----------------------------------------------------------------------------


class _WorkContext:
    """Per-work caches shared by every claim: subject authors, list hits, topic hits."""

    __slots__ = ("_abstract_words", "_doubts", "_lists", "_subjects", "_topics", "forced", "work")

    def __init__(self, work: Work):
        self.work = work
        self._subjects: dict[int, list[_SubjectHit]] = {}
        self._lists: dict[int, list[tuple[Authorship, _EntryHit]]] = {}
        self._topics: dict[int, list[PhraseReason]] = {}
        self._doubts: dict[int, str | None] = {}  # by id(matcher): `topic_doubt`, read once
        self._abstract_words: frozenset[str] | None = None
        # By id(matcher): what a negated topic is taken to be for the work as a whole, where its
        # other versions say more than this record (see `topic_state` and _verdicts).
        self.forced: dict[int, Truth] | None = None

    def has_abstract(self) -> bool:
        """Does the record give a whole abstract (the text a negated topic's absence is read
        from)? One whose inverted index skips positions lacks words, any of which may be the
        topic's: it cannot show the topic absent (silence is never proof)."""
        w = self.work
        if w.abstract_text is None and not w.abstract_index:
            return False
        return bool(w.abstract.strip()) and not w.words_missing_from_abstract()

    def topic_state(self, matcher: TopicMatcher) -> Truth:
        """What this record alone shows of a topic: TRUE where it holds a phrase or OpenAlex topic
        of it; FALSE where it does not and gives an abstract to read; UNKNOWN where it gives
        none (a title alone cannot show what a work is not about), or where its phrases stand
        beside words of another sense (`topic_doubt`)."""
        if self.topic_reasons(matcher):
            return UNKNOWN if self.topic_doubt(matcher) else TRUE
        if self.topic_doubt(matcher):
            return UNKNOWN
        return FALSE if self.has_abstract() else UNKNOWN

    def topic_doubt(self, matcher: TopicMatcher) -> str | None:
        """Why the record shows a topic only perhaps: its phrases alone match (no OpenAlex topic
        of it), and its text holds a phrase of another sense of their words
        (`TopicMatcher.other_sense`); or nothing matched but a phrase after a hyphen and a break,
        which may end a broken word (`TopicMatcher.broken_reading`), or words joined by an em dash,
        which may part two clauses (`TopicMatcher.dashed_reading`), or a phrase whose first word a
        hyphen leaves for a later word to complete (`TopicMatcher.suspended_reading`), or a match
        an excluded phrase holds only as written, a hyphen's word before it completed with it
        (`TopicMatcher.shared_past_exclusion`), or words a
        quotation mark or a bracketed aside stands between (`TopicMatcher.marked_reading`), or in one reading of a text
        that reads two ways (`TopicMatcher.tagged_reading`), or inside an excluded phrase found
        only so (`TopicMatcher.perhaps_excluded`), or inside an excluded phrase whose first word is
        written in capitals, perhaps an acronym (`TopicMatcher.read_as_an_acronym`), or ending in a
        word that may describe a noun after it (`TopicMatcher.read_as_a_modifier`), or said of a
        machine where the topic excludes it as a person's (`TopicMatcher.said_of_a_machine`), or
        beside a word of making where the topic is of things a machine makes ("Talking head news segment
        generation": `TopicMatcher.made_by_a_machine`), or
        read past a character lost, a replacement character ("face identi\ufffdcation") or an
        underscore ("face_recognition") or a Cyrillic look-alike ("F\u0430cial":
        `TopicMatcher.read_past_a_lost_character`); or
        every match is said of a word an excluded phrase ends in, or runs on into one's last word, up
        to three words describing it between (`TopicMatcher.said_of_a_described_word`), or stands in
        an excluded phrase where a replacement character is read as an apostrophe lost ("Dog\ufffds
        face recognition": `TopicMatcher.excluded_past_a_lost_apostrophe`), or is named only to set
        the work apart from it or as the human sense beside a phrase the topic excludes ("Unlike
        face recognition, ...": `TopicMatcher.named_as_background`), or, where the topic is of made
        things, goes on in its sentence to a word an excluded phrase runs on into, naming no making
        ("Talking heads are commonly used in news reporting": `TopicMatcher.named_in_an_excluded_sense`),
        or stands where an excluded phrase beginning "bear" would hold it, read as the verb after a
        word that does not make it surely one ("Towards bear face recognition":
        `TopicMatcher.perhaps_an_animal_s_bear`).
        None where none of these."""
        key = id(matcher)
        if key not in self._doubts:
            reasons = self.topic_reasons(matcher)
            if not reasons:
                self._doubts[key] = (
                    matcher.broken_reading(self.work, self.abstract_words)
                    or matcher.dashed_reading(self.work, self.abstract_words)
                    or matcher.suspended_reading(self.work, self.abstract_words)
                    or matcher.shared_past_exclusion(self.work, self.abstract_words)
                    or matcher.marked_reading(self.work, self.abstract_words)
                    or matcher.tagged_reading(self.work, self.abstract_words)
                    or matcher.perhaps_excluded(self.work, self.abstract_words)
                    or matcher.read_as_an_acronym(self.work, self.abstract_words)
                    or matcher.read_as_a_modifier(self.work, self.abstract_words)
                    or matcher.said_of_a_machine(self.work, self.abstract_words)
                    or matcher.made_by_a_machine(self.work, self.abstract_words)
                    or matcher.read_past_a_lost_character(self.work, self.abstract_words)
                )
            elif any(r.method == "openalex_topic" for r in reasons):
                self._doubts[key] = None
            else:
                self._doubts[key] = (
                    matcher.other_sense(self.work)
                    or matcher.said_of_a_described_word(self.work, self.abstract_words)
                    or matcher.excluded_past_a_lost_apostrophe(self.work, self.abstract_words)
                    or matcher.named_as_background(self.work, self.abstract_words)
                    or matcher.named_in_an_excluded_sense(self.work, self.abstract_words)
                    or matcher.perhaps_an_animal_s_bear(self.work, self.abstract_words)
                )
        return self._doubts[key]

    def abstract_words(self) -> frozenset[str]:
        """The words of the abstract's inverted index, worked out once for every topic."""
        if self._abstract_words is None:
            index = self.work.abstract_index or {}
            # A bare tag is read by whether a closing one follows it (`works.reads_two_ways`), and a
            # LaTeX group by its closing brace, a formula by its closing dollar: the words in order.
            if _may_hold_markup(index) and any(
                may_read_two_ways(word) or "\\" in word or "$" in word or "{" in word for word in index
            ):
                self._abstract_words = plain_words([self.work.abstract])
            else:
                self._abstract_words = plain_words(index)
        return self._abstract_words

    def subject_hits(self, matcher: SubjectMatcher) -> list[_SubjectHit]:
        key = id(matcher)  # one matcher per subject (see _Matchers)
        if key not in self._subjects:
            self._subjects[key] = matcher.hits(self.work)
        return self._subjects[key]

    def list_hits(self, matcher: ListMatcher) -> list[tuple[Authorship, _EntryHit]]:
        key = id(matcher)
        if key not in self._lists:
            self._lists[key] = [(a, h) for a in self.work.authorships for h in matcher.hits(a)]
        return self._lists[key]

    def topic_reasons(self, matcher: TopicMatcher) -> list[PhraseReason]:
        key = id(matcher)
        if key not in self._topics:
            self._topics[key] = matcher.reasons(self.work, self.abstract_words)
        return self._topics[key]


def _may_hold_markup(words: Iterable[str]) -> bool:
    """Does any of the words hold a character that begins a tag, an entity, a LaTeX command or
    group, or a formula? Told of them all joined, at once: most abstracts hold none."""
    joined = "".join(words)
    return any(c in joined for c in "<&\\${")


_FAILS = None  # a test that failed: most do, so they share this rather than build an _Outcome
_Test = Callable[[_WorkContext, list[_SubjectHit]], "_Outcome | None"]


class _CompiledClaim:
    """A claim with its matchers built once and its condition compiled to one test function."""

    def __init__(self, claim: Claim, claim_file: ClaimFile, matchers: _Matchers, as_of: dt.date | None = None):
        self.claim = claim
        # The run's as-of day: a listing period ending after it has not ended, and a doubt says so.
        self.as_of = as_of
        self.file = claim_file
        self.subject = matchers.subject(claim.subject)
        self.lists = {lid: matchers.list(claim_file.lists[lid]) for lid in claim.works.list_ids()}
        self.topics = {tid: matchers.topic(claim_file.topics[tid]) for tid in claim.works.topics()}
        # The topics the condition tests under a `not:` (an odd number of them), in order: the
        # verdicts judge them on every version of a work (see _verdicts._negated_states).
        self.negated: list[TopicMatcher] = []
        # A claim about people is judged on author records (`people`), not works: its empty
        # `works` condition would otherwise hold for every work of the subject.
        self.test: _Test = _no_work if claim.is_about_people else self._compile(claim.works)
        # The test with every topic taken as the claim needs it (shown, or absent under a `not:`):
        # what a work's authors' affiliations alone make of the claim. A curated version naming
        # its OpenAlex record is weighed against that record by it (see _verdicts._curated_disagrees).
        self.by_affiliations: _Test = (
            self._compile(claim.works, granted=True) if self.topics and not claim.is_about_people else self.test
        )

    def _compile(self, cond: Condition, negated: bool = False, granted: bool = False) -> _Test:
        """The condition's parts, cheap ones first: lists, then combinations, then topics.

        Inside a `not:` (`negated`), an author the record resolves to no institution (no
        affiliation, or only unresolved strings) makes a list test that finds no listed author
        uncertain rather than failed: its failure would otherwise be the negation's proof, and
        silence is never proof. Where `granted`, a topic is taken as the claim needs it: shown,
        or inside a `not:` absent."""
        parts: list[_Test] = []
        for list_ids, same_author in ((cond.coauthor_in, False), (cond.affiliated_author_in, True)):
            if list_ids:
                parts.append(
                    self._listed_test(
                        [self.lists[i] for i in list_ids],
                        same_author,
                        cond.listed_before_publication,
                        negated,
                        self.as_of,
                    )
                )
        parts += [self._compile(c, negated, granted) for c in cond.all]
        if cond.any:
            parts.append(_any_of([self._compile(c, negated, granted) for c in cond.any]))
        if cond.not_:
            # Under two negations a test is as it is alone: silence fails it again.
            inner = self._compile(cond.not_, not negated, granted)
            parts.append(_negation(inner, describe_condition(cond.not_, self.file)))
        if cond.topic:
            matcher = self.topics[cond.topic]
            if granted:
                parts.append(_topic_absent if negated else _topic_shown)
            elif negated:
                if matcher not in self.negated:
                    self.negated.append(matcher)
                about = describe_condition(Condition(topic=cond.topic), self.file)
                parts.append(self._negated_topic_test(matcher, about))
            else:
                parts.append(self._topic_test(matcher))
        return parts[0] if len(parts) == 1 else _all_of(parts)

    @staticmethod
    def _listed_test(
        matchers: list[ListMatcher],
        same_author: bool,
        before_publication: bool,
        silence_is_doubt: bool = False,
        as_of: dt.date | None = None,
    ) -> _Test:
        def test(ctx: _WorkContext, subject_hits: list[_SubjectHit]) -> _Outcome | None:
            work = ctx.work
            positions = {h.authorship.position for h in subject_hits} if same_author else None
            reasons: list[tuple[bool, _ListedHit]] = []
            doubts: list[str] = []
            listings: list[ListEntry] = []
            status = FALSE
            for matcher in matchers:
                for a, hit in ctx.list_hits(matcher):
                    if positions is not None and a.position not in positions:
                        continue
                    if before_publication:
                        listed, doubt = _listed_before(hit.entry, work.published, as_of)
                        if listed is False:
                            continue
                    else:  # any listing counts, but one the list has since ended may not
                        listed, doubt = None, _taken_off(hit.entry, work.published)
                    # A name the record cannot place (shared across countries, an acronym alone)
                    # is a doubt: the work is uncertain, never a match, on that author's account.
                    if hit.doubt is None and (itself := _an_institution_as_author(a)):
                        hit = dataclasses.replace(hit, doubt=itself)
                    sure = bool(listed if before_publication else doubt is None) and hit.doubt is None
                    reasons.append((sure, _ListedHit(a, hit, listed)))
                    # Listed before publication: the entry has a listing date (see _listed_before).
                    if listed and hit.doubt is None and hit.entry.listed_from is not None:
                        listings.append(hit.entry)
                    if doubt:
                        doubts.append(doubt)
                    if hit.doubt:
                        doubts.append(f"author {a.position + 1} ({a.name}): {hit.doubt}")
                    status = max(status, TRUE if sure else UNKNOWN)
            if status == FALSE:
                doubts = [d for m in matchers for d in _interleaved_doubts(work, m)]
                if work.authors_truncated:
                    doubts.append("the record's author list is truncated, so a listed coauthor may be missing")
                elif work.authors_may_be_cut:
                    doubts.append(
                        f"the record holds exactly {LIST_AUTHORS_CAP} authors and does not say whether its list"
                        " was cut there, as API list pages cut it, so a listed coauthor may be missing"
                    )
                if silence_is_doubt:
                    doubts += _silent_authors(work, positions, {h.authorship.position for h in subject_hits})
                return _Outcome(UNKNOWN, [], doubts) if doubts else _FAILS
            # A work that matches cites what is sure; one that only might, everything it might by.
            cited = [r for sure, r in reasons if sure or status != TRUE]
            return _Outcome(status, cited, sorted(set(doubts)) if status == UNKNOWN else [], listings)

        return test

    @staticmethod
    def _topic_test(matcher: TopicMatcher) -> _Test:
        def test(ctx: _WorkContext, subject_hits: list[_SubjectHit]) -> _Outcome | None:
            reasons = ctx.topic_reasons(matcher)
            doubt = ctx.topic_doubt(matcher)
            if not reasons:
                return _Outcome(UNKNOWN, [], [doubt]) if doubt else _FAILS
            return _Outcome(UNKNOWN, list(reasons), [doubt]) if doubt else _Outcome(TRUE, list(reasons))

        return test

    @staticmethod
    def _negated_topic_test(matcher: TopicMatcher, about: str) -> _Test:
        """A topic under a `not:`. Its failure is the negation's proof, so it fails only where
        an abstract was read and holds none of the topic; a record with no abstract cannot say
        (silence is never proof). The work's other versions may settle it (`ctx.forced`): one
        showing the topic makes it hold, one giving an abstract without it makes it fail, and
        copies of unknown order that disagree on it leave it uncertain."""

        def test(ctx: _WorkContext, subject_hits: list[_SubjectHit]) -> _Outcome | None:
            forced = ctx.forced.get(id(matcher)) if ctx.forced else None
            state = ctx.topic_state(matcher) if forced is None else forced
            if state == TRUE:
                return _Outcome(TRUE, list(ctx.topic_reasons(matcher)))
            if state == FALSE:
                return _FAILS
            if other_sense := ctx.topic_doubt(matcher):
                doubt = f"it may be {about}: {other_sense}"
            elif missing := ctx.work.words_missing_from_abstract():
                doubt = (
                    f"its record's abstract lacks {_words(missing)} (positions its inverted index skips or cannot place), "
                    f"so it cannot show the work is not {about}"
                )
            elif not ctx.has_abstract():
                doubt = f"its record gives no abstract, so it cannot show the work is not {about}"
            else:  # its other versions (`_verdicts._negated_states`) leave it open
                doubt = (
                    f"the work's versions do not settle whether it is {about}: copies of one record of unknown order "
                    "differ on it, any of which may be current, or one holds the topic's words beside words of "
                    "another sense"
                )
            return _Outcome(UNKNOWN, [], [doubt])

        return test


def _topic_shown(ctx: _WorkContext, subject_hits: list[_SubjectHit]) -> _Outcome | None:
    """A topic taken as shown (`_CompiledClaim.by_affiliations`)."""
    return _Outcome(TRUE, [])


def _topic_absent(ctx: _WorkContext, subject_hits: list[_SubjectHit]) -> _Outcome | None:
    """A topic under a `not:` taken as absent (`_CompiledClaim.by_affiliations`)."""
    return _FAILS


def _words(n: int) -> str:
    return "a word" if n == 1 else f"{n:,} words"


def _no_work(ctx: _WorkContext, subject_hits: list[_SubjectHit]) -> _Outcome | None:
    """The test of a claim about people: no work is a finding of it."""
    return _FAILS


def _all_of(parts: list[_Test]) -> _Test:
    def test(ctx: _WorkContext, subject_hits: list[_SubjectHit]) -> _Outcome | None:
        reasons: list[Any] = []
        doubts: list[str] = []
        listings: list[ListEntry] = []
        status = TRUE
        for part in parts:
            o = part(ctx, subject_hits)
            if o is _FAILS:
                return _FAILS
            status = min(status, o.status)
            reasons += o.reasons
            doubts += o.doubts
            listings += o.listings
        return _Outcome(status, reasons, doubts, listings)

    return test


def _any_of(parts: list[_Test]) -> _Test:
    def test(ctx: _WorkContext, subject_hits: list[_SubjectHit]) -> _Outcome | None:
        outcomes = [o for o in (part(ctx, subject_hits) for part in parts) if o is not _FAILS]
        if not outcomes:
            return _FAILS
        status = max(o.status for o in outcomes)
        chosen = [o for o in outcomes if o.status == status]
        return _Outcome(
            status,
            [r for o in chosen for r in o.reasons],
            [d for o in chosen for d in o.doubts] if status == UNKNOWN else [],
            [x for o in chosen for x in o.listings],
        )

    return test


def _negation(inner: _Test, text: str) -> _Test:
    def test(ctx: _WorkContext, subject_hits: list[_SubjectHit]) -> _Outcome | None:
        o = inner(ctx, subject_hits)
        if o is _FAILS:
            return _Outcome(TRUE, [AbsenceReason(condition=text)])
        if o.status == TRUE:
            return _FAILS
        return _Outcome(UNKNOWN, [], o.doubts)

    return test


def _an_institution_as_author(a: Authorship) -> str | None:
    """An "author" that is an institution, with itself for its affiliation ("Harbin Institute of
    Technology" among the authors, OpenAlex resolving that name to the institution), or a Chinese
    institution's name: Crossref put it there, and it may be some author's affiliation, but it
    shows no coauthor there."""
    if not names_an_institution(a.name):
        return None
    # No person's name holds 大学 or 研究所; an English one may hold "Hospital" ("Lee Hospital").
    name = fold(a.name)
    texts = (*a.raw_affiliations, *(i.name for i in a.institutions if i.name))
    if not _is_cjk(a.name) and not any(name in fold(t) for t in texts):
        return None
    return (
        f"the record lists \u201c{printable(a.name)}\u201d among the authors and gives it an affiliation:"
        " an institution, not a person, though it may be a coauthor's affiliation"
    )


def _silent_authors(work: Work, positions: set[int] | None, at_subject: set[int]) -> list[str]:
    """Authors (of `positions`, where given) the record resolves to no institution: no
    affiliation at all, or only strings OpenAlex did not resolve ("Harbin 150001, China", "School
    of Computer Science", a sponsor's key laboratory), whose institution claimwatch cannot say
    for certain either; an author whose string names the subject (`at_subject`) is placed. Each
    may be at a listed institution, which a `not:` must not take as shown otherwise."""
    out = []
    for a in work.authorships:
        if (positions is not None and a.position not in positions) or a.institutions:
            continue
        if a.position in at_subject and not a.is_unaffiliated:
            continue
        if a.is_unaffiliated:
            out.append(
                f"the record gives author {a.position + 1} ({printable(a.name)}) no affiliation, so they may be at"
                " a listed institution"
            )
        else:
            said = "; ".join(f"\u201c{printable(t)}\u201d" for t in a.raw_affiliations)
            out.append(
                f"the record resolves author {a.position + 1} ({printable(a.name)}) to no institution, only {said},"
                " so they may be at a listed institution"
            )
    return out


def _interleaved_doubts(work: Work, matcher: ListMatcher) -> list[str]:
    """An institution Crossref put in the author list ("Harbin Engineering University" as an
    author) is no author, but may be a coauthor's affiliation: where it names a listed entry,
    the work is uncertain, never a match and never a silent miss."""
    out = []
    for a in work.interleaved_institutions:
        named = sorted({matcher.entries[h.key].name for h in matcher.names.find(a.name)})
        named += sorted({h.entry.name for h in matcher.hits(a)} - set(named))
        out += [
            f"the record lists \u201c{a.name}\u201d among the authors: an institution, not a person, "
            f"that may be a coauthor's affiliation and names {name}"
            for name in named
        ]
        if matcher.related_names is not None:  # or an institution the list names under an entry
            for h in matcher.related_names.find(a.name):
                entry, related, _ = matcher.related[h.key]
                if entry.name not in named:
                    out.append(
                        f"the record lists \u201c{a.name}\u201d among the authors: an institution, not a person,"
                        f" that may be a coauthor's affiliation: {related_doubt(matcher.list, entry, related, h)}"
                    )
    return sorted(set(out), key=out.index)


def _taken_off(entry: ListEntry, published: PartialDate | None) -> str | None:
    """Where a claim counts any listing, why an entry the list took off (`listed_to`) may not
    count for this work: taken off before it appeared, or within its date, or it has none; or
    taken off on a day the list gives in no form read (`listed_to_unread`)."""
    if entry.listed_to is None and entry.listed_to_unread:
        return _taken_off_unread(entry)
    if entry.listed_to is None or (published is not None and entry.listed_to >= published.latest):
        return None
    if published is None:
        when = "and the work has no publication date to tell whether it was listed then"
    elif entry.listed_to < published.earliest:
        when = f"before this work appeared ({published.describe()})"
    else:
        when = f"within the work's date {published.describe()}"
    return (
        f"{entry.name} was taken off the list on {entry.listed_to}, {when}: whether a former listing counts is "
        "for a reviewer (listed_before_publication leaves such listings out)"
    )


def _taken_off_unread(entry: ListEntry) -> str:
    """Why an entry taken off its list on a day the list gives in no form read may not count."""
    return (
        f"{entry.name} was taken off the list on a day the list gives as \u201c{printable(entry.listed_to_unread or '')}"
        "\u201d, not a date claimwatch reads: whether it was still listed then is for a reviewer"
    )


def listed_perhaps_earlier(entry: ListEntry) -> str:
    """Why an entry listed after a work's date, by the starts read, may have been listed before it:
    another record gives its start in no form read (`listed_from_unread`)."""
    return (
        f"{entry.name} was listed on {entry.listed_from} by the dates read, and"
        f" {start_unread_said(printable(entry.listed_from_unread or ''))}: it may have been listed earlier, which is"
        " for a reviewer"
    )


def listed_in_periods(
    entry: ListEntry, earliest: dt.date, latest: dt.date, within: str, as_of: dt.date | None = None
) -> tuple[bool | None, str | None]:
    """Was an entry listed in several periods (`listings`) on every day from `earliest` to
    `latest`: listed inside one; not before the first, in a gap or after the last; None with the
    doubt where a period's edge falls among those days (said `within` them), where the last
    period was ended on a day not read (`listed_to_unread`), or where a record's start not read
    (`listed_from_unread`) may be another period. Listing dates as their single-period
    counterparts judge them (`_listed_before`, people's `_listed_by`). A period ending after
    `as_of`, the run's as-of day, is said as not ended (`periods_said`)."""
    periods = entry.listings
    listed, edge = listed_within(periods, earliest, latest)
    if edge:
        return None, f"{entry.name} was {edge}, {within} (listed {periods_said(periods, as_of)})"
    last = periods[-1]
    if listed:
        # The last period's end not read may fall on any day from its start (a period back to back
        # with it holds the days before).
        if last.end is None and entry.listed_to_unread and latest >= last.start:
            return None, _taken_off_unread(entry)
        return True, None
    if entry.listed_from_unread and _unread_start_may_reach(entry, earliest):
        return None, (
            f"{entry.name} was listed {periods_said(periods, as_of)} by the dates read, and"
            f" {start_unread_said(printable(entry.listed_from_unread))}: it may have been listed then too, which is"
            " for a reviewer"
        )
    return False, None


def _unread_start_may_reach(entry: ListEntry, earliest: dt.date) -> bool:
    """May a start the periods do not hold (`listed_from_unread`) be of a listing on `earliest`: one
    not read may be of any day up to the last period's end; records giving no start_date beside
    periods ended before the first gap (else the import leaves no periods), so only a day before
    the first period may be theirs."""
    if only_no_start_given(entry.listed_from_unread or ""):
        return earliest < entry.listings[0].start
    last = entry.listings[-1]
    return last.end is None or last.end >= earliest


def _listed_before(
    entry: ListEntry, published: PartialDate | None, as_of: dt.date | None = None
) -> tuple[bool | None, str | None]:
    """Was the entry on the list when the work was published: listed on or before it, and not
    taken off before it (`listed_to`, as the Consolidated Screening List's end_date gives it)?
    None where the record can't say. An entry listed in several periods is listed where the work
    falls inside one (`listed_in_periods`)."""
    if entry.several_listings and published is not None:
        return listed_in_periods(
            entry, published.earliest, published.latest, f"within the work's date {published.describe()}", as_of
        )
    if entry.listed_to is not None and published is not None and entry.listed_to < published.earliest:
        return False, None  # off the list before the work appeared
    if entry.listed_from is None:
        return None, f"the listing date of {entry.name} is not known"
    if published is None:
        return None, "the work has no publication date"
    if entry.listed_from > published.earliest and entry.listed_from_unread:
        return None, listed_perhaps_earlier(entry)
    if entry.listed_from > published.latest:
        return False, None
    if entry.listed_from > published.earliest:
        return None, f"{entry.name} was listed on {entry.listed_from}, within the work's date {published.describe()}"
    if entry.listed_to is not None and entry.listed_to < published.latest:
        return (
            None,
            f"{entry.name} was taken off the list on {entry.listed_to}, within the work's date {published.describe()}",
        )
    if entry.listed_to is None and entry.listed_to_unread:
        return None, _taken_off_unread(entry)
    return True, None
