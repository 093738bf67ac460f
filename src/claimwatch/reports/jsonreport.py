"""The JSON report: the results exactly, in the shape `report.schema.json` describes."""

from __future__ import annotations

import json

from ..results import Results


def render_json(results: Results) -> str:
    data = results.model_dump(mode="json", by_alias=True)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def report_schema() -> dict:
    """The JSON Schema of the report, generated from the result models (shipped as report.schema.json)."""
    schema = Results.model_json_schema(by_alias=True, mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "claimwatch report",
        **{k: v for k, v in schema.items() if k != "title"},
    }
