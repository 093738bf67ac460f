"""The columnar engine's storage and SQL: a snapshot's works as a Parquet table, and the claims
of a run compiled into one SQL query that screens every work of every table at once.

- `_table`: the works table (its columns, flattening a record into a row, writing with DuckDB);
  `write_works_table` for snapshots, `WorksTableWriter` for a record at a time.
- `_plan`: what the query looks for, as plain data the evaluator builds from its matchers.
- `_sql`: the query, in standard SQL but for what `Dialect` spells per engine.
- `_duckdb`: running it on one machine, and fetching the candidates' records.
- `_bulk`: OpenAlex's bulk snapshot (`data/works/updated_date=.../part_NNN.gz` and its
  `manifest`, or the published Parquet copy), its records filtered by subject inside DuckDB.
- `_cache`: tables made on first use for evidence that has none, and checking a table's bytes.

This package knows tables and SQL, not claims: names and phrases reach it as needles (text a
match must contain), worked out by the evaluator, which alone knows how they match.
"""

from ._bulk import (
    BulkImport,
    BulkPart,
    BulkRecord,
    OtherVersion,
    bulk_parts,
    bulk_records,
    fields_held_as_text,
    refuse_claimwatch_snapshot,
    subject_ids,
    subject_needles,
    unchecked_parts_said,
    unlisted_parts,
    unlisted_parts_said,
    write_bulk_subset,
)
from ._cache import Table, TableChecks, cache_folder, cached_table, check_table, make_cached_table
from ._duckdb import (
    Screening,
    ScreeningParts,
    fetch_records,
    fetch_records_by_part,
    gather_screening,
    latest_day,
    newest_updated,
    repeated_ids,
    rows_of_ids,
    screen,
    screen_in_parts,
    table_rows,
)
from ._plan import AllOf, AnyOf, Anything, ClaimPlan, Listed, ListPlan, OnTopic, Plan, SubjectPlan, Test, TopicPlan
from ._sql import DUCKDB, Dialect, regex_literal, screening_query
from ._table import (
    COLUMNS,
    MADE_FROM,
    TABLE_FORMAT,
    UNICODE,
    WORKS_TABLE,
    TableInfo,
    WorksTableWriter,
    file_sha256,
    openalex_row,
    search_form,
    text_words,
    write_works_table,
)

__all__ = [
    "COLUMNS",
    "DUCKDB",
    "MADE_FROM",
    "TABLE_FORMAT",
    "UNICODE",
    "WORKS_TABLE",
    "AllOf",
    "AnyOf",
    "Anything",
    "BulkImport",
    "BulkPart",
    "BulkRecord",
    "ClaimPlan",
    "Dialect",
    "ListPlan",
    "Listed",
    "OnTopic",
    "OtherVersion",
    "Plan",
    "Screening",
    "ScreeningParts",
    "SubjectPlan",
    "Table",
    "TableChecks",
    "TableInfo",
    "Test",
    "TopicPlan",
    "WorksTableWriter",
    "bulk_parts",
    "bulk_records",
    "cache_folder",
    "cached_table",
    "check_table",
    "fetch_records",
    "fetch_records_by_part",
    "fields_held_as_text",
    "file_sha256",
    "gather_screening",
    "latest_day",
    "make_cached_table",
    "newest_updated",
    "openalex_row",
    "refuse_claimwatch_snapshot",
    "regex_literal",
    "repeated_ids",
    "rows_of_ids",
    "screen",
    "screen_in_parts",
    "screening_query",
    "search_form",
    "subject_ids",
    "subject_needles",
    "table_rows",
    "text_words",
    "unchecked_parts_said",
    "unlisted_parts",
    "unlisted_parts_said",
    "write_bulk_subset",
    "write_works_table",
]
