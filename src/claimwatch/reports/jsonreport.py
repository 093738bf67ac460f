"""The JSON report: the results exactly, in the shape `report.schema.json` describes.

Written a piece at a time (`json_chunks`): each claim's findings one by one, with orjson, so a
report of a hundred thousand findings never exists as one Python structure (a `model_dump` of
it is many times the size of the text). The bytes are those `json.dumps(model_dump, indent=2,
ensure_ascii=False)` gives, which earlier reports were, passed through `terminal_json`: orjson
writes the same text but for floats in exponent form (1e-05), so a model that may hold a float
anywhere (found from its JSON schema) is written by the standard library instead; findings hold
none.

Text from claims and evidence is untrusted: every character `terminal_text()` would replace or
drop (controls, DEL and C1, bidi overrides, tag and invisible characters, U+2028 and U+2029, the
soft hyphen) is written as its `\\uXXXX` escape (`terminal_json`), so a program reads exactly the
results while the file itself is inert in a terminal, a pager or an editor.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from typing import Any, get_args

import orjson
from pydantic import BaseModel

from .._text import terminal_json
from ..results import ClaimResult, Results

_Writer = Callable[[BaseModel, int], Iterator[str]]


def render_json(results: Results) -> str:
    return "".join(json_chunks(results))


def json_chunks(results: Results) -> Iterator[str]:
    """The report's text in pieces, for a writer that streams it to a file."""
    for chunk in _object(results, 0, {"results": _claim_result}):
        yield _inert(chunk)
    yield "\n"


def _inert(chunk: str) -> str:
    # Both writers escape the C0 controls already; in ASCII text only DEL is left to escape.
    if chunk.isascii() and "\x7f" not in chunk:
        return chunk
    return terminal_json(chunk)


def _claim_result(result: BaseModel, depth: int) -> Iterator[str]:
    """A claim's result, its lists of findings (and of any other records) written one by one."""
    assert isinstance(result, ClaimResult)
    many = {
        name: _whole
        for name in type(result).model_fields
        if isinstance(value := getattr(result, name), tuple) and value and isinstance(value[0], BaseModel)
    }
    yield from _object(result, depth, many)


def _object(model: BaseModel, depth: int, nested: Mapping[str, _Writer]) -> Iterator[str]:
    """`model` as the standard library writes its dump, the fields in `nested` written element by
    element with the writer given: the same keys in the same order, the same fields left out."""
    dumped = model.model_dump(mode="json", by_alias=True, exclude=set(nested))
    members: list[tuple[str, Iterator[str]]] = []
    for name, info in type(model).model_fields.items():
        key = info.serialization_alias or info.alias or name
        if name in nested:
            value = getattr(model, name)
            if info.exclude_if is not None and info.exclude_if(value):
                continue
            members.append((key, _array(value, depth + 1, nested[name])))
        elif key in dumped:
            members.append((key, iter([_text(dumped[key], depth + 1)])))
    if not members:
        yield "{}"
        return
    inner, outer = _indent(depth + 1), _indent(depth)
    yield "{"
    for k, (key, value) in enumerate(members):
        yield f"{',' if k else ''}\n{inner}{json.dumps(key, ensure_ascii=False)}: "
        yield from value
    yield f"\n{outer}}}"


def _array(items: tuple[BaseModel, ...], depth: int, write: _Writer) -> Iterator[str]:
    if not items:
        yield "[]"
        return
    inner, outer = _indent(depth + 1), _indent(depth)
    yield "["
    for k, item in enumerate(items):
        yield f"{',' if k else ''}\n{inner}"
        yield from write(item, depth + 1)
    yield f"\n{outer}]"


def _whole(model: BaseModel, depth: int) -> Iterator[str]:
    """One element: with orjson unless its model may hold a float."""
    data = model.model_dump(mode="json", by_alias=True)
    if _may_hold_floats(type(model)):
        yield _text(data, depth)
    else:
        yield orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8").replace("\n", "\n" + _indent(depth))


def _text(value: Any, depth: int) -> str:
    """A value as `json.dumps(indent=2)` writes it at this depth (JSON strings hold no raw newline)."""
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + _indent(depth))


@cache
def _indent(depth: int) -> str:
    return "  " * depth


@cache
def _may_hold_floats(model: type[BaseModel]) -> bool:
    return '"number"' in json.dumps(model.model_json_schema(mode="serialization"))


def report_schema() -> dict:
    """The JSON Schema of the report, generated from the result models (shipped as report.schema.json),
    every field the report always writes required (`_as_written`)."""
    schema = Results.model_json_schema(by_alias=True, mode="serialization")
    for model in _models_in(Results):
        _as_written(schema if model is Results else schema["$defs"][model.__name__], model)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "claimwatch report",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def _as_written(definition: dict, model: type[BaseModel]) -> None:
    """Require every field the report writes whatever its value: all but those it leaves out when
    empty (`exclude_if`). pydantic marks every field with a default optional, which let a reader
    take `matched` or `people` for fields that may be missing."""
    required = [
        info.serialization_alias or info.alias or name
        for name, info in model.model_fields.items()
        if info.exclude_if is None and not info.exclude
    ]
    if required:
        definition["required"] = required
    else:
        definition.pop("required", None)


def _models_in(model: type[BaseModel]) -> list[type[BaseModel]]:
    """`model` and every model its fields hold, at any depth, each once, in the order met."""
    found: dict[type[BaseModel], None] = {}

    def visit(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation not in found:
            found[annotation] = None
            for info in annotation.model_fields.values():
                visit(info.annotation)
        for arg in get_args(annotation):
            visit(arg)

    visit(model)
    return list(found)
