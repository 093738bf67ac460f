"""The one SQL query that screens every work of every table for every claim of a run.

The query is standard SQL (CTEs, CASE, GROUP BY, joins, UNION ALL, DATE literals) but for the
few things engines spell differently, which `Dialect` holds: reading a Parquet table, a row per
element of an array, array overlap, counting an array's elements that meet a predicate, a
regular expression. A Spark dialect (issue #19) is another `Dialect`; nothing else changes.

For each work it works out, from the table's flattened columns:

- each subject's authors certain by identifier (`s{n}`: how many), and whether an author with
  no identifier match may be the subject's by a name in the affiliation text (`s{n}_text`), or
  an institution Crossref put among the authors may name it;
- each list's authors that may be at an entry (by identifier or a name's needles), for
  `affiliated_author_in` the same authors that may be the subject's;
- whether a topic's words or OpenAlex topics are there;
- whether the work shares an identity key with another record (a version of it).

A work is a *candidate*, returned for the exact matchers, where some claim might find something
in it: a version of another record, a subject author the text may name, or a claim whose
subject has an author on it, whose period it may fall in, and whose test the query cannot rule
out; with it come the claims whose tests the matchers must run (every claim for a version; for
the rest, those whose subject may have an author on it, by id or by a name in text, whose period
it may fall in, and whose test the query cannot rule out). Everything the query rules out can
only fail in the exact matchers too (the plan's needles only widen). For the other works the
query sums what the evaluator counts for every work: per claim, the subject's works certainly in
the period, their coauthorships, and those with no affiliation; and per table, records,
authorships and those without an institution id. The result has a row per candidate (with its tests) and a row per
table for the rest.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence

from ..works import LIST_AUTHORS_CAP
from ._plan import AllOf, AnyOf, Anything, ClaimPlan, Listed, ListPlan, OnTopic, Plan, SubjectPlan, Test

# DuckDB's readers take a path as a glob pattern, and read every file it matches: a folder named
# `snap[1]` would have its `[1]` match a sibling `snap1`, and a `?` is read as a URL's query.
# Each of these characters written as a class of itself stands for itself.
_GLOB_ESCAPES = str.maketrans({"[": "[[]", "*": "[*]", "?": "[?]"})


# DuckDB's readers take a folder named `key=value` anywhere on a file's path for a Hive
# partition, and give its value as a column of that name, over the file's own: OpenAlex's Parquet
# copy lies in `updated_date=YYYY-MM-DD/` folders, and each record's `updated_date` (a time to the
# microsecond) read as the folder's day. Every file claimwatch reads is read as it holds.
NO_HIVE = "hive_partitioning = false"


def reader_path(path: str | os.PathLike[str]) -> str:
    """A file's path as DuckDB's readers (read_parquet, read_csv, read_json) read the one file it
    names, never another the pattern matches: absolute (a leading `~` would be the home folder),
    its `[`, `*` and `?` escaped. (Not for COPY ... TO, which takes no pattern: `_table._copy_target`.)"""
    return os.path.join(os.getcwd(), os.fspath(path)).translate(_GLOB_ESCAPES)


# A regular expression of thousands of alternatives can outgrow what an engine compiles in one
# piece (RE2's program limit): long needle lists are split over several, joined by OR.
_ALTERNATIVES_PER_PATTERN = 200
_FEW = 6  # up to this many needles or identifiers are tested one by one (contains, list membership)


class Dialect:
    """DuckDB's spelling of the non-standard parts."""

    def string(self, value: str) -> str:
        # DuckDB's parser ends a query's text at a NUL, which a name in YAML can hold ("\0"):
        # each is written as chr(0), the pieces around it joined to it.
        literal = "'" + value.replace("'", "''") + "'"
        return "(" + literal.replace("\x00", "' || chr(0) || '") + ")" if "\x00" in value else literal

    def table(self, source: str) -> str:
        return f"read_parquet({self.string(reader_path(source))}, {NO_HIVE})"

    def unnest(self, array: str, alias: str, element: str) -> str:
        return f"CROSS JOIN UNNEST({array}) AS {alias}({element})"

    def overlaps(self, array: str, values: Sequence[str]) -> str:
        if len(values) <= _FEW:  # one membership test a value is faster than building a list
            return "(" + " OR ".join(f"list_contains({array}, {self.string(v)})" for v in values) + ")"
        return f"list_has_any({array}, [{', '.join(map(self.string, values))}])"

    def matches(self, column: str, pattern: str) -> str:
        return f"regexp_matches({column}, {self.string(pattern)})"

    def holds(self, column: str, literal: str) -> str:
        """Does the text hold `literal`? (DuckDB's `contains`: no pattern to escape, and inside a
        lambda twice as fast as `LIKE ... ESCAPE`, which is a third of a million works' query.)"""
        return f"contains({column}, {self.string(literal)})"

    def count_where(self, array: str, element: str, predicate: str) -> str:
        """How many elements of an array meet a predicate on `element` (Spark: size(filter(...)))."""
        return f"len(list_filter({array}, lambda {element}: {predicate}))"

    def any_where(self, array: str, element: str, predicate: str) -> str:
        """Whether an element of an array meets a predicate (Spark: exists(array, e -> ...))."""
        return f"(len(list_filter({array}, lambda {element}: {predicate})) > 0)"

    def key_hash(self, text: str) -> str:
        """A 64-bit hash of a text: what the identity keys are grouped by (Spark: xxhash64)."""
        return f"hash({text})"


DUCKDB = Dialect()

# The table's columns the query reads. The keys are read on their own: a CTE that several
# parts read may be materialised whole, authorships and all.
_WORK_COLUMNS = (
    "ordinal, authors_truncated, topic_ids, interleaved, n_authorships, n_without_id, "
    "n_unaffiliated, words, affiliations, institution_ids, institution_rors, affiliation_texts"
)


# What the authors' tests read, which the query's later steps need no more.
_AUTHORS_COLUMNS = frozenset({"affiliations", "institution_ids", "institution_rors", "affiliation_texts"})


def screening_query(
    plan: Plan,
    sources: Sequence[str],
    dialect: Dialect = DUCKDB,
    current_on: Sequence[dt.date | None] | None = None,
    part: Sequence[tuple[int, int] | None] | None = None,
) -> str:
    """The query over the tables at `sources` (evidence numbered by their place) for `plan`;
    `current_on`, the day each source's records were current, where known.

    With `part`, the query of one part of the tables: each source's rows of ordinals from the
    first to the last of its range (none where it has None), the records linked by shared keys
    read from a table `linked` that `linked_query` filled for the whole tables (a version may
    lie in another part). The parts' rows, summed, are the whole query's."""
    compiler = _Compiler(plan, dialect)
    days = current_on or [None] * len(sources)
    return compiler.query(sources, days) if part is None else compiler.part_query(sources, days, part)


def linked_query(plan: Plan, sources: Sequence[str], dialect: Dialect = DUCKDB) -> str:
    """The (evidence, ordinal) of every record of the tables that shares an identity key with
    another record (of the tables, or of the evidence that has none): what `screening_query`'s
    parts read as `linked`."""
    return _Compiler(plan, dialect).linked(sources)


class _Compiler:
    def __init__(self, plan: Plan, dialect: Dialect):
        self.plan, self.d = plan, dialect

    # --- the query, top down ------------------------------------------------------------------

    def query(self, sources: Sequence[str], current_on: Sequence[dt.date | None]) -> str:
        ctes = [
            *self._linked_ctes(sources),
            ("work", self._works(sources, _WORK_COLUMNS, current_on)),
            ("judged", self._judged()),
        ]
        return self._with(ctes, self._summary())

    def part_query(
        self, sources: Sequence[str], current_on: Sequence[dt.date | None], part: Sequence[tuple[int, int] | None]
    ) -> str:
        ctes = [("work", self._works(sources, _WORK_COLUMNS, current_on, part)), ("judged", self._judged())]
        return self._with(ctes, self._summary())

    def linked(self, sources: Sequence[str]) -> str:
        *ctes, (_, linked) = self._linked_ctes(sources)
        return self._with(ctes, linked)

    @staticmethod
    def _with(ctes: Sequence[tuple[str, str]], select: str) -> str:
        with_clause = ",\n".join(f"{name} AS (\n{body}\n)" for name, body in ctes)
        return f"WITH {with_clause}\n{select}"

    def _linked_ctes(self, sources: Sequence[str]) -> list[tuple[str, str]]:
        return [
            ("work_keys", self._works(sources, "ordinal, keys")),
            ("work_key", self._keys()),
            ("shared_key", "SELECT work_key FROM work_key GROUP BY work_key HAVING COUNT(*) > 1"),
            (
                "linked",
                "SELECT DISTINCT k.evidence, k.ordinal FROM work_key AS k JOIN shared_key AS s "
                "ON k.work_key = s.work_key",
            ),
        ]

    def _works(
        self,
        sources: Sequence[str],
        columns: str,
        current_on: Sequence[dt.date | None] | None = None,
        part: Sequence[tuple[int, int] | None] | None = None,
    ) -> str:
        """Each source's works, numbered by its place; with `current_on`, dated too (`_dates`);
        with `part`, those of ordinals in its source's range alone (the row groups outside it are
        skipped by their statistics: a table's rows are in ordinal order)."""
        dates = [f"{_dates(day)}, " for day in current_on] if current_on is not None else [""] * len(sources)
        ranges = part if part is not None else [None] * len(sources)
        return "\nUNION ALL\n".join(
            f"SELECT {n} AS evidence, {dates[n]}{columns} FROM {self.d.table(s)}{_within(ranges[n])}"
            for n, s in enumerate(sources)
            if part is None or ranges[n] is not None
        )

    def _keys(self) -> str:
        """Each identity key of each work (and of the evidence that has no table), by its hash:
        grouping a million works' keys by a number takes a third less memory than by their text.
        Two keys that share a hash can only link works that are not versions of one another,
        making them candidates the exact matchers then group by the keys themselves: it widens,
        never narrows (and for a million works' keys, 64 bits make it one chance in millions)."""
        key = self.d.key_hash("k.work_key")
        own = f"SELECT w.evidence, w.ordinal, {key} AS work_key FROM work_keys AS w {self.d.unnest('w.keys', 'k', 'work_key')}"
        if not self.plan.outside_keys:
            return own
        values = ", ".join(f"({self.d.string(k)})" for k in self.plan.outside_keys)
        return (
            f"{own}\nUNION ALL\nSELECT -1 AS evidence, -1 AS ordinal, {self.d.key_hash('o.work_key')} AS work_key "
            f"FROM (VALUES {values}) AS o(work_key)"
        )

    def _by_author(self) -> list[str]:
        """Per work, from its authorships: each subject's authors certain by identifier (s{n}),
        whether another may be the subject's by a name in text (s{n}_text); whether an author
        may be at an entry of each list (l{n}), and one who may also be a subject's (l{n}_s{s}).

        What any author of the work may hold is asked of the work's own columns (its authors'
        ids, RORs and affiliation texts together), which is exact for "some author has it" and
        only widens where a needle would span two authors' texts; the tests that must hold of
        one author are run on the authorships only where the work's columns let them through."""
        authors = "w.affiliations"
        out = []
        for n, s in enumerate(self.plan.subjects):
            by_id, by_name = self._by_id("a", s.ids, s.rors), self._needles("a.affiliation_text", s.needles)
            count = self.d.count_where(authors, "a", by_id)
            named = self.d.any_where(authors, "a", f"NOT {by_id} AND {by_name}")
            out.append(f"CASE WHEN {self._by_work_id(s.ids, s.rors)} THEN {count} ELSE 0 END AS s{n}")
            out.append(
                f"CASE WHEN {self._needles('w.affiliation_texts', s.needles)} THEN {named} ELSE FALSE END AS s{n}_text"
            )
        for n, rl in enumerate(self.plan.lists):
            anywhere = self._work_may_have(rl)
            out.append(f"{anywhere} AS l{n}")
            for k in self._same_author_subjects(n):
                s = self.plan.subjects[k]
                both = self.d.any_where(authors, "a", f"{self._author_may_have(rl)} AND {self._author_may_have(s)}")
                guard = f"{anywhere} AND {self._work_may_have(s)}"
                out.append(f"CASE WHEN {guard} THEN {both} ELSE FALSE END AS l{n}_s{k}")
        return out

    def _author_may_have(self, p: SubjectPlan | ListPlan) -> str:
        """May the authorship `a` be at one of the plan's institutions (an id, a ROR, a needle)?"""
        return f"({self._by_id('a', p.ids, p.rors)} OR {self._needles('a.affiliation_text', p.needles)})"

    def _work_may_have(self, p: SubjectPlan | ListPlan) -> str:
        """May some author of the work be at one of them (the work-wide columns)?"""
        return f"({self._by_work_id(p.ids, p.rors)} OR {self._needles('w.affiliation_texts', p.needles)})"

    def _judged(self) -> str:
        """Three steps, so that each expression is worked out once a work: the authors' tests
        (`_by_author`), then each topic's words (`t{n}`, read only where a claim on the topic may
        take the work in: most works' words are never searched), then each claim's test
        (`live_{i}`), which both the candidate and its tests read."""
        inner = ",\n    ".join(
            [
                *(f"w.{c.strip()}" for c in _WORK_COLUMNS.split(",") if c.strip() not in _AUTHORS_COLUMNS),
                "w.earliest",
                "w.latest",
                "w.evidence",
                "l.ordinal IS NOT NULL AS linked",
                *self._by_author(),
            ]
        )
        joined = (
            f"SELECT {inner}\n  FROM work AS w\n"
            "  LEFT JOIN linked AS l ON l.evidence = w.evidence AND l.ordinal = w.ordinal"
        )
        topics = ",\n  ".join(["*", *(f"{self._topic(n)} AS t{n}" for n in range(len(self.plan.topics)))])
        on_topics = f"SELECT {topics}\nFROM (\n{joined}\n) AS j"
        lives = ",\n  ".join(["*", *(f"({self._live(c)}) AS live_{i}" for i, c in enumerate(self.plan.claims))])
        live = [f"live_{i}" for i in range(len(self.plan.claims))]
        # A work the exact matchers judge whatever its tests: a record linked to others by a
        # shared key (every version of a work is one), one where only a name in text may show a
        # subject's author (the tallies count it only once that is known).
        judged = ["linked", *self._uncertain_subjects()]
        candidate = "CASE WHEN " + "\n    OR ".join(f"({r})" for r in [*judged, *live]) + " THEN 1 ELSE 0 END"
        # Which claims' tests the exact matchers must run on a candidate: '1' a claim, in order;
        # a linked record, every claim's (a version dated outside the period counts where the
        # work's first version is inside it, and the query dates each record alone).
        flags = " || ".join(f"CASE WHEN {r} THEN '1' ELSE '0' END" for r in live) or "''"
        tests = f"CASE WHEN linked THEN {self.d.string('1' * len(live))} ELSE {flags} END"
        columns = ",\n  ".join(
            ["evidence", "ordinal", "n_authorships", "n_without_id", "n_unaffiliated"]
            + [f"s{n}" for n in range(len(self.plan.subjects))]
            + [f"{_date_true(c)} AS in_period_{i}" for i, c in enumerate(self.plan.claims)]
            + [f"{candidate} AS candidate", f"{tests} AS tests"]
        )
        return f"SELECT {columns}\nFROM (\nSELECT {lives}\nFROM (\n{on_topics}\n) AS t\n) AS c"

    def _topic(self, n: int) -> str:
        """Does the work hold topic n's words or OpenAlex topics, where some claim testing the
        topic may take it in (its subject may have an author on it, its date is not outside the
        period)? Elsewhere FALSE: every claim's test reads it under that same guard (`_live`)."""
        topic = self.plan.topics[n]
        words = self._alternatives("words", [f" {w} " for w in topic.words])
        ids = self.d.overlaps("topic_ids", topic.topic_ids) if topic.topic_ids else "FALSE"
        guards = [self._may_take_in(c) for c in self.plan.claims if n in _topics_of(c.test)]
        if not guards:
            return "FALSE"
        return f"CASE WHEN {' OR '.join(f'({g})' for g in guards)} THEN ({words} OR {ids}) ELSE FALSE END"

    def _summary(self) -> str:
        tallies = []
        for i, c in enumerate(self.plan.claims):
            counted = f"candidate = 0 AND s{c.subject} > 0 AND in_period_{i}"
            tallies += [
                f"SUM(CASE WHEN {counted} THEN 1 ELSE 0 END) AS considered_{i}",
                f"SUM(CASE WHEN {counted} THEN n_authorships - s{c.subject} ELSE 0 END) AS coauthorships_{i}",
                f"SUM(CASE WHEN {counted} THEN n_unaffiliated ELSE 0 END) AS unaffiliated_{i}",
                f"SUM(CASE WHEN {counted} AND n_unaffiliated > 0 THEN 1 ELSE 0 END) AS works_with_unaffiliated_{i}",
            ]
        place = "CASE WHEN candidate = 1 THEN ordinal END"
        tests = "CASE WHEN candidate = 1 THEN tests END"
        columns = ",\n  ".join(
            [
                "candidate",
                "evidence",
                f"{place} AS ordinal",
                f"{tests} AS tests",
                "COUNT(*) AS records",
                "SUM(n_authorships) AS authorships",
                "SUM(n_without_id) AS without_id",
                *tallies,
            ]
        )
        return f"SELECT {columns}\nFROM judged\nGROUP BY candidate, evidence, {place}, {tests}"

    # --- claims -------------------------------------------------------------------------------

    def _uncertain_subjects(self) -> list[str]:
        """A subject's author that only a name in text may show, where some claim about the
        subject may take the work in (its date is not outside every such claim's period)."""
        out = []
        for n in range(len(self.plan.subjects)):
            periods = [c for c in self.plan.claims if c.subject == n]
            if not periods:
                continue
            in_some = " OR ".join(f"NOT {_date_false(c)}" for c in periods)
            out.append(f"{self._named_subject(n)} AND ({in_some})")
        return out

    def _live(self, c: ClaimPlan) -> str:
        return f"{self._may_take_in(c)} AND {self._maybe(c.test)}"

    def _may_take_in(self, c: ClaimPlan) -> str:
        """The claim's subject may have an author on the work (by id, or by a name in text:
        `_named_subject`), and its date is not outside the period."""
        return f"(s{c.subject} > 0 OR {self._named_subject(c.subject)}) AND NOT {_date_false(c)}"

    def _named_subject(self, n: int) -> str:
        """An author of the work may be subject n's by a name in text alone, or an institution
        Crossref put among the authors may name it where no author is the subject's by id."""
        return f"(s{n}_text OR (s{n} = 0 AND {self._needles('interleaved', self.plan.subjects[n].needles)}))"

    def _maybe(self, test: Test) -> str:
        """Where the claim's test may hold or leave doubt: a superset of where it does."""
        if isinstance(test, Anything):
            return "TRUE"
        if isinstance(test, AllOf):
            return "(" + " AND ".join(["TRUE", *(self._maybe(p) for p in test.parts)]) + ")"
        if isinstance(test, AnyOf):
            return "(" + " OR ".join(["FALSE", *(self._maybe(p) for p in test.parts)]) + ")"
        if isinstance(test, OnTopic):
            return f"t{test.topic}"  # worked out once a work (`_topic`), under the claim's guard
        # A list test also leaves doubt on a truncated author list, or on an institution
        # Crossref put among the authors that names an entry.
        names = [n for i in test.lists for n in self.plan.lists[i].needles]
        found = [f"l{i}" if test.subject is None else f"l{i}_s{test.subject}" for i in test.lists]
        # A list exactly as long as API list pages keep may be cut (works.authors_may_be_cut):
        # the table does not say whether the record gave the flag, so every such work is let through.
        cut = ["authors_truncated", f"n_authorships = {LIST_AUTHORS_CAP}"]
        return "(" + " OR ".join([*cut, self._needles("interleaved", names), *found]) + ")"

    def _same_author_subjects(self, list_index: int) -> list[int]:
        """The subjects whose authors a list's `affiliated_author_in` tests are taken from."""
        found: set[int] = set()

        def walk(test: Test) -> None:
            if isinstance(test, Listed) and test.subject is not None and list_index in test.lists:
                found.add(test.subject)
            elif isinstance(test, (AllOf, AnyOf)):
                for p in test.parts:
                    walk(p)

        for c in self.plan.claims:
            walk(c.test)
        return sorted(found)

    # --- tests on columns ---------------------------------------------------------------------

    def _by_work_id(self, ids: Sequence[str], rors: Sequence[str]) -> str:
        """Does any author of the work have one of the ids or RORs?"""
        parts = [self.d.overlaps("w.institution_ids", ids)] if ids else []
        parts += [self.d.overlaps("w.institution_rors", rors)] if rors else []
        return "(" + " OR ".join(parts) + ")" if parts else "FALSE"

    def _by_id(self, a: str, ids: Sequence[str], rors: Sequence[str]) -> str:
        parts = [self.d.overlaps(f"{a}.ids", ids)] if ids else []
        parts += [self.d.overlaps(f"{a}.rors", rors)] if rors else []
        return "(" + " OR ".join(parts) + ")" if parts else "FALSE"

    def _needles(self, column: str, needles: Sequence[str]) -> str:
        """Does the text hold any of the needles (substrings of its search form, but that a
        needle's sigma may be either sigma there: `needle_pattern`)?"""
        if any(not n for n in needles):
            return "TRUE"  # a name that leaves nothing to look for cannot be ruled out
        plain = [n for n in needles if _SIGMAS.isdisjoint(n)]
        greek = sorted({needle_pattern(n) for n in needles if not _SIGMAS.isdisjoint(n)})
        if not greek:
            return self._alternatives(column, plain)
        tests = [self._alternatives(column, plain)] if plain else []
        return "(" + " OR ".join([*tests, self._patterns(column, greek)]) + ")"

    def _alternatives(self, column: str, literals: Sequence[str]) -> str:
        """Does the text hold any of the literals? A few tested one by one, more as regular expressions."""
        literals = sorted(set(literals))
        if not literals:
            return "FALSE"
        if len(literals) <= _FEW:
            return "(" + " OR ".join(self.d.holds(column, x) for x in literals) + ")"
        return self._patterns(column, [regex_literal(x) for x in literals])

    def _patterns(self, column: str, patterns: Sequence[str]) -> str:
        """Does the text match any of the patterns (`regex_literal`s, `needle_pattern`s)? As few
        regular expressions as an engine compiles."""
        chunks = [
            patterns[i : i + _ALTERNATIVES_PER_PATTERN] for i in range(0, len(patterns), _ALTERNATIVES_PER_PATTERN)
        ]
        tests = [self.d.matches(column, "|".join(chunk)) for chunk in chunks]
        return tests[0] if len(tests) == 1 else "(" + " OR ".join(tests) + ")"


def _topics_of(test: Test) -> set[int]:
    """The topics a claim's test reads."""
    if isinstance(test, OnTopic):
        return {test.topic}
    if isinstance(test, (AllOf, AnyOf)):
        return {n for p in test.parts for n in _topics_of(p)}
    return set()


def regex_literal(text: str) -> str:
    """`text` as a regular expression that matches exactly it, in RE2 and Java alike: letters
    and digits of ASCII as themselves, every other character by its code point."""
    return "".join(c if c.isascii() and c.isalnum() else f"\\x{{{ord(c):x}}}" for c in text)


# Python's lower() writes a capital sigma as final ς or as σ by the letters around it (ς where a
# letter comes before it and none after, marks, ".", ":", "·", soft hyphens and zero-width spaces
# between them passed over), the one letter it maps by its context. A needle is lower-cased
# apart from the text (a name alone, or a word of it folded alone, as NameMatcher reads text),
# a search form a whole affiliation at once: "δημοκριτος" is "δημοκριτοσ" in "ΔΗΜΟΚΡΙΤΟΣ.Αθήνα".
# So at a needle's sigma the query takes either: a class of the two, which RE2 and Java read alike.
_SIGMAS = frozenset("\u03c2\u03c3")
EITHER_SIGMA = r"[\x{3c2}\x{3c3}]"


def needle_pattern(needle: str) -> str:
    """A needle as a regular expression: its `regex_literal`, but either sigma at each sigma."""
    return "".join(EITHER_SIGMA if c in _SIGMAS else regex_literal(c) for c in needle)


def _within(span: tuple[int, int] | None) -> str:
    return "" if span is None else f" WHERE ordinal BETWEEN {span[0]} AND {span[1]}"


def _date(d: dt.date) -> str:
    return f"DATE '{d.isoformat()}'"


def _dates(current_on: dt.date | None) -> str:
    """A work's first and last possible days as every engine reads them: a date wholly after the
    day its records were current, and after its own record's updated day, may be any earlier day
    (works.Work.within_record)."""
    if current_on is None:
        return "earliest, latest"
    ahead = f"earliest > {_date(current_on)} AND (updated IS NULL OR earliest > updated)"
    return f"CASE WHEN {ahead} THEN {_date(dt.date.min)} ELSE earliest END AS earliest, latest"


def _date_false(c: ClaimPlan) -> str:
    """The work's date is certainly outside the claim's period."""
    outside = ([f"latest < {_date(c.start)}"] if c.start else []) + ([f"earliest > {_date(c.end)}"] if c.end else [])
    return f"(earliest IS NOT NULL AND ({' OR '.join(outside)}))" if outside else "FALSE"


def _date_true(c: ClaimPlan) -> str:
    """The work's date is certainly inside the claim's period."""
    inside = ([f"earliest >= {_date(c.start)}"] if c.start else []) + ([f"latest <= {_date(c.end)}"] if c.end else [])
    return "(" + " AND ".join(["earliest IS NOT NULL", *inside]) + ")"
