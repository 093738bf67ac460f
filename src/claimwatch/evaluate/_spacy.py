"""spaCy, loaded on first use (commands that match nothing start fast): the blank English
pipeline's tokenizer and vocabulary, and the lookup lemmatizer's table and the common words of the
English word probabilities from spacy-lookups-data.
No model is downloaded, and no matching uses a similarity score: a topic phrase (`_phrases`)
or an institution name (`_names`) matches whole words exactly, after folding what does not
change meaning.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:  # spaCy is imported on first use
    import spacy


@cache
def nlp() -> spacy.language.Language:
    """spaCy's blank English pipeline: its tokenizer and vocabulary, built once per process."""
    import spacy

    return spacy.blank("en")


@cache
def lemma_table() -> dict[str, str]:
    """The lookup lemmatizer's table from spacy-lookups-data (word -> lemma), as plain strings.

    Read directly rather than through a `lemmatizer` pipe: matching needs the lemma of single
    words, and the prefilter needs the table's words, which spaCy's Table keeps only as hashes.
    """
    import spacy
    import spacy_lookups_data

    return cast(dict[str, str], spacy.util.load_language_data(spacy_lookups_data.en["lemma_lookup"]))


# Words at least this common in the corpus spacy-lookups-data's English probabilities were counted
# on (a log probability; -15 is about one word in 3.3 million), in any case: "global", "golden",
# "nordic", "Hansen" are; "avionics" (-15.06), "shipbuilding", "huawei", "megvii" are not.
_COMMON_FROM = -15.0


@cache
def common_words() -> frozenset[str]:
    """The words of spacy-lookups-data's English probability table (`lexeme_prob`) at least as
    common as `_COMMON_FROM`, folded as the words sought are (the table keeps case: "Hudson",
    "Ramirez"): about 41,000. The file gives one word a line, most common first, so
    it is read only until the first rarer word: 5 MB traced at the peak, where the whole table's
    million words take 250 MB (both about half a second on a loaded machine: one JSON line at a
    time is slow)."""
    import spacy_lookups_data

    # Where spaCy's `load_language_data` reads it: the path given, gzipped.
    path = Path(spacy_lookups_data.en["lexeme_prob"])
    words = []
    with gzip.open(path.with_suffix(path.suffix + ".gz"), "rt", encoding="utf-8") as table:
        for line in table:
            entry = line.strip().rstrip(",")
            if entry in ("{", "}", ""):
                continue
            ((word, probability),) = json.loads(f"{{{entry}}}").items()
            if probability < _COMMON_FROM:
                break
            words.append(word.casefold())  # "Hansen", "Petersburg", "Caspian": a third are capitalised
    return frozenset(words)
