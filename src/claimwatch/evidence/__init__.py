"""The evidence store: snapshots of OpenAlex records, imports of records a user already has,
and the one way the evaluator reads any evidence (snapshot, curated file or a file of OpenAlex
works) as a stream.

- `_records`: records of the files users have (JSON Lines, API pages, arrays, one record; plain
  or gzipped; works and authors told apart by their ids), each with its line, hashed as read;
  one record's checks; which subjects a work is by, and which authors it names.
- `_snapshot`: the snapshot format (manifest, works file, authors file), reading it, writing it
  atomically.
- `_import`: `import_works` (once `import_jsonl`), a file of records made into a snapshot, its
  declared coverage checked against the records and its as-of taken from them; `import_bulk`,
  the subjects' records of OpenAlex's bulk snapshot made into one.
- `_open`: the `Evidence` protocol (works, author records, their coverage) and `open_evidence`
  for every kind of evidence.
"""

from ..coverage import AuthorCoverage, Coverage
from ._import import ImportSummary, import_bulk, import_jsonl, import_works
from ._open import Evidence, JsonlEvidence, evidence_in_folder, open_evidence, open_evidence_paths, summarise
from ._records import (
    WorkAuthors,
    authors_of,
    copy_stands,
    document_records,
    newest_day,
    parse_any_record,
    parse_author,
    parse_record,
    read_lines,
    record_letter,
    sniff_layout,
    subjects_of,
    updated_day,
)
from ._snapshot import (
    AUTHORS_FILE,
    MANIFEST,
    WORKS_FILE,
    AuthorsManifest,
    Manifest,
    Snapshot,
    SnapshotWriter,
    check_destination,
    now_utc,
    tool_versions,
)

__all__ = [
    "AUTHORS_FILE",
    "MANIFEST",
    "WORKS_FILE",
    "AuthorCoverage",
    "AuthorsManifest",
    "Coverage",
    "Evidence",
    "ImportSummary",
    "JsonlEvidence",
    "Manifest",
    "Snapshot",
    "SnapshotWriter",
    "WorkAuthors",
    "authors_of",
    "check_destination",
    "copy_stands",
    "document_records",
    "evidence_in_folder",
    "import_bulk",
    "import_jsonl",
    "import_works",
    "newest_day",
    "now_utc",
    "open_evidence",
    "open_evidence_paths",
    "parse_any_record",
    "parse_author",
    "parse_record",
    "read_lines",
    "record_letter",
    "sniff_layout",
    "subjects_of",
    "summarise",
    "tool_versions",
    "updated_day",
]
