"""spaCy, loaded on first use (commands that match nothing start fast): the blank English
pipeline's tokenizer and vocabulary, and the lookup lemmatizer's table from spacy-lookups-data.
No model is downloaded, and no matching uses a similarity score: a topic phrase (`_phrases`)
or an institution name (`_names`) matches whole words exactly, after folding what does not
change meaning.
"""

from __future__ import annotations

from functools import cache
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
