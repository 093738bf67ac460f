"""What a topic's excluded phrases can do, read as the matcher reads them (spaCy's words, so
here, above the claims' loader): an excluded phrase hides a phrase's match inside it
(docs/authoring.md#topics). One that is a phrase itself ("drone swarms" beside the phrase
"drone swarm": plurals and hyphens read alike) hides every match of it, so the topic never finds
it, in silence; one holding none of the phrases hides nothing (a word of another field, which
belongs under doubt_phrases). Both are the analyst's mistake, refused at the phrase's place."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import documents
from ..claims import ClaimSet, Topic
from ..errors import InputError, Problem
from ._phrases import PhraseSet

_WORD = re.compile(r"[^\W_]")  # as the claims' loader: a phrase without one is refused there


def exclusion_problems(topics: Iterable[Topic]) -> list[Problem]:
    """Each excluded phrase of these topics that is a phrase itself or holds none, at its place
    in the file the topic was read from (a topic file, or a claim file's `topics:`); a topic
    made in code, with no file, at none."""
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for topic in topics:
        if (topic.path, topic.id) in seen or not topic.exclude_phrases:
            continue
        seen.add((topic.path, topic.id))
        matcher = PhraseSet([p for p in topic.phrases if _WORD.search(p)]) if topic.phrases else None
        for i, excluded in enumerate(topic.exclude_phrases):
            hits = matcher.find(excluded) if matcher else []
            whole = [h for h in hits if not _WORD.search(excluded[: h.start]) and not _WORD.search(excluded[h.end :])]
            if whole:
                message = (
                    f"exclude_phrases[{i}] '{excluded}' is the phrase '{whole[0].phrase}' itself, so it would hide"
                    " every match of it; write the other sense in full, or its field's words under doubt_phrases"
                )
            elif not hits:
                message = (
                    f"exclude_phrases[{i}] '{excluded}' holds none of the topic's phrases, so it hides nothing;"
                    " words of another sense found beside a phrase go under doubt_phrases"
                )
            else:
                continue
            problems.append(_placed(topic, i, message))
    return problems


def _placed(topic: Topic, i: int, message: str) -> Problem:
    """The problem at the excluded phrase's place in the topic's file, read again for it."""
    if not topic.path:
        return Problem(f"topic '{topic.id}'", 0, 0, message)
    try:
        doc = documents.load_yaml(topic.path)
    except InputError:
        return Problem(topic.path, 0, 0, message)
    inline = isinstance(doc.data, dict) and isinstance(doc.data.get("topics"), dict) and topic.id in doc.data["topics"]
    at = ("topics", topic.id) if inline and "phrases" not in doc.data else ()
    return doc.problem((*at, "exclude_phrases", i), message)


def check_exclusions(claims: ClaimSet) -> None:
    """Raise every such problem of the topics the claims use, at once."""
    if problems := exclusion_problems(t for f in claims.files for t in f.topics.values()):
        raise InputError(documents.capped(problems))
