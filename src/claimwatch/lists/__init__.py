"""Reference lists: institutions a source names as sanctioned or military-affiliated, with the
date each was listed and the citation, and which facts are not confirmed. A list file is YAML
(`evidence/lists/ID.yaml`), checked against `list.schema.json`.

    load_list(path) / find_list(id or path)   a list file, read and checked (`_model`)
    ListLibrary(dirs)                         lists by id in evidence/lists/ and --lists folders
    import_aspi(path, ...)                    the ASPI China Defence Universities Tracker (MISP galaxy) (`_aspi`)
    import_csl(path, ...)                     the trade.gov Consolidated Screening List, JSON, CSV or TSV (`_csl`)
    write_list_yaml(doc, out)                 check a list document by the loader's own rules, write it atomically (`_write`)
    fetch_csl(out, ...)                       download the Consolidated Screening List, import it, write the list (`_fetch`)
    load_list_version(path) / diff_lists      what changed between two versions of a list (`_diff`);
                                              two_lists_said: where the two look like two lists
    known_namesakes()                         the sourced file of names other bodies bear too (`_namesakes`)

An import returns a list document: plain data in the list file format (list.schema.json), the
same for the same input and options. Nothing is written until the whole file has been read, the
entries picked and the result checked; a malformed input is an InputError (exit 2) naming the
file and, where it can be known, the line. A failed download is a SourceError (exit 3) naming the
URL without its credentials.

Imports run one way: `_model` and `_import` (what the importers share) need none of the others;
`_aspi` and `_csl` need `_import`; `_write` and `_diff` need `_model`; `_fetch` needs `_csl`,
`_write` and the HTTP layer every download shares (`claimwatch._http`).
"""

from ._aspi import ASPI_GALAXY_TYPE, ASPI_TRACKER_URL, import_aspi, split_aspi_value
from ._csl import (
    COMPANY_FORMS,
    CSL_JSON_URL,
    CSL_ORGANISATION_TYPES,
    CSL_PAGE_URL,
    CSL_PUBLISHER,
    CSL_REQUIRED_COLUMNS,
    CslRecord,
    an_organisations_word,
    clean_alias,
    csl_list_document,
    import_csl,
    read_csl_records,
    source_abbreviation,
)
from ._diff import EntryChange, ListDiff, describe_related, diff_lists, format_diff, load_list_version, two_lists_said
from ._fetch import FetchPolicy, download, fetch_csl, redact_url
from ._import import IMPORT_MAX_BYTES, list_id_for
from ._model import (
    DEFAULT_LISTS_DIR,
    LIST_MAX_BYTES,
    ListEntry,
    Listing,
    ListLibrary,
    ReferenceList,
    Related,
    Source,
    default_dirs,
    find_list,
    list_from_document,
    listed_from_said,
    listed_to_said,
    listed_within,
    load_list,
    periods_said,
    stripped_names,
)
from ._namesakes import NAMESAKES_FILE, Namesake, known_namesakes, read_namesakes
from ._write import check_list_destination, render_list_yaml, write_list_yaml

__all__ = [
    "ASPI_GALAXY_TYPE",
    "ASPI_TRACKER_URL",
    "COMPANY_FORMS",
    "CSL_JSON_URL",
    "CSL_ORGANISATION_TYPES",
    "CSL_PAGE_URL",
    "CSL_PUBLISHER",
    "CSL_REQUIRED_COLUMNS",
    "DEFAULT_LISTS_DIR",
    "IMPORT_MAX_BYTES",
    "LIST_MAX_BYTES",
    "NAMESAKES_FILE",
    "CslRecord",
    "EntryChange",
    "FetchPolicy",
    "ListDiff",
    "ListEntry",
    "ListLibrary",
    "Listing",
    "Namesake",
    "ReferenceList",
    "Related",
    "Source",
    "an_organisations_word",
    "check_list_destination",
    "clean_alias",
    "csl_list_document",
    "default_dirs",
    "describe_related",
    "diff_lists",
    "download",
    "fetch_csl",
    "find_list",
    "format_diff",
    "import_aspi",
    "import_csl",
    "known_namesakes",
    "list_from_document",
    "list_id_for",
    "listed_from_said",
    "listed_to_said",
    "listed_within",
    "load_list",
    "load_list_version",
    "periods_said",
    "read_csl_records",
    "read_namesakes",
    "redact_url",
    "render_list_yaml",
    "source_abbreviation",
    "split_aspi_value",
    "stripped_names",
    "two_lists_said",
    "write_list_yaml",
]
