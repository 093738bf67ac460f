"""The evidence store: snapshots of OpenAlex records, imports of records a user already has,
and the one way the evaluator reads any evidence (snapshot, curated file or JSONL) as a stream.

- `_records`: numbered, hashed lines of .jsonl[.gz] files and one record's checks.
- `_snapshot`: the snapshot format (manifest and data file), reading it, writing it atomically.
- `_import`: `import_jsonl`, a file of records made into a snapshot.
- `_open`: the `Evidence` protocol and `open_evidence` for every kind of evidence.
"""

from ..coverage import Coverage
from ._import import ImportSummary, import_jsonl
from ._open import Evidence, JsonlEvidence, open_evidence, open_evidence_paths, summarise
from ._records import parse_record, read_lines
from ._snapshot import MANIFEST, WORKS_FILE, Manifest, Snapshot, SnapshotWriter, now_utc, tool_versions

__all__ = [
    "MANIFEST",
    "WORKS_FILE",
    "Coverage",
    "Evidence",
    "ImportSummary",
    "JsonlEvidence",
    "Manifest",
    "Snapshot",
    "SnapshotWriter",
    "import_jsonl",
    "now_utc",
    "open_evidence",
    "open_evidence_paths",
    "parse_record",
    "read_lines",
    "summarise",
    "tool_versions",
]
