"""Gathering evidence from OpenAlex with pyalex, in as few requests as the API allows.

    plan(claim_set)                 -> [Query]: one per subject, over the union of its claims' periods (`_plan`)
    OpenAlexClient.from_env()       one requests session for everything pyalex sends: routed to
                                    --openalex-url, timeouts, retries that honour Retry-After (`_client`)
    collect(queries, out)           pages every query (cursor, 200 a page, no 10,000 cap) into a snapshot (`_harvest`),
                                    then the record of every author on those works, 100 ids a request (`_authors`)
    update(out)                     refreshes a snapshot with the works updated since it was taken, and its
                                    author records (`_update`)
    resolve(name) / resolve_ror(id) institutions, so an analyst can fill in a subject's ids (`_resolve`)

Failures are `OpenAlexError` (a SourceError, exit 3): one line naming the HTTP status or network
cause and the URL, with the API key and e-mail removed. A failed or interrupted run writes
nothing: the snapshot it would have replaced stays as it was.

Imports run one way: `_plan` and `_client` need none of the others (`_client` builds on the shared
`claimwatch._http`); `_authors` needs both; `_harvest` needs those three; `_update` needs
`_harvest`; `_resolve` needs `_client` and `_plan`.
"""

from ._authors import AUTHOR_FIELDS, AUTHOR_ID_FILTER, AUTHORS_PER_REQUEST, AuthorsTask, fetch_authors
from ._client import OPENALEX_API, OpenAlexClient, OpenAlexError
from ._harvest import CollectResult, Progress, QueryOutcome, Silent, collect
from ._plan import (
    AUTHORS_CAP,
    LINEAGE,
    MAX_OR_VALUES,
    PER_PAGE,
    WORK_FIELDS,
    Query,
    coverage_of,
    plan,
    subjects_without_ids,
)
from ._resolve import INSTITUTION_FIELDS, InstitutionHit, resolve, resolve_ror
from ._update import update

__all__ = [
    "AUTHORS_CAP",
    "AUTHORS_PER_REQUEST",
    "AUTHOR_FIELDS",
    "AUTHOR_ID_FILTER",
    "INSTITUTION_FIELDS",
    "LINEAGE",
    "MAX_OR_VALUES",
    "OPENALEX_API",
    "PER_PAGE",
    "WORK_FIELDS",
    "AuthorsTask",
    "CollectResult",
    "InstitutionHit",
    "OpenAlexClient",
    "OpenAlexError",
    "Progress",
    "Query",
    "QueryOutcome",
    "Silent",
    "collect",
    "coverage_of",
    "fetch_authors",
    "plan",
    "resolve",
    "resolve_ror",
    "subjects_without_ids",
    "update",
]
