"""claimwatch: hold organisations' public assurances against the research record.

A Python user calls the same library the command line does::

    import claimwatch
    claims = claimwatch.load_claims(["claims/microsoft-msra-2024.yaml"])
    evidence = claimwatch.open_evidence_paths(["evidence/curated/msra-2024.yaml"])
    results = claimwatch.evaluate(claims, evidence)
"""

from . import _startup

_startup.answer_ctrl_c_in_one_line()  # first: the imports below take the command a second or two

# ruff: noqa: E402 (the imports below come after that call on purpose)
from ._version import __version__
from .claims import Claim, ClaimFile, ClaimSet, Topic, describe, load_claims
from .coverage import Coverage
from .errors import ClaimwatchError, InputError, Problem, SourceError
from .evaluate import evaluate
from .evidence import Snapshot, import_jsonl, import_works, open_evidence, open_evidence_paths
from .lists import ListEntry, ReferenceList, load_list
from .results import ClaimResult, Finding, Results
from .works import PartialDate, Work

__all__ = [
    "Claim",
    "ClaimFile",
    "ClaimResult",
    "ClaimSet",
    "ClaimwatchError",
    "Coverage",
    "Finding",
    "InputError",
    "ListEntry",
    "PartialDate",
    "Problem",
    "ReferenceList",
    "Results",
    "Snapshot",
    "SourceError",
    "Topic",
    "Work",
    "__version__",
    "describe",
    "evaluate",
    "import_jsonl",
    "import_works",
    "load_claims",
    "load_list",
    "open_evidence",
    "open_evidence_paths",
]
