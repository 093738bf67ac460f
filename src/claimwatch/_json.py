"""The one rule for telling JSON cut short (a copy, a download or an answer stopped part way)
from JSON written wrong, wherever the text comes from: a user's file (`documents`) or a
server's answer (`_http`)."""

from __future__ import annotations

import json
import re


def json_cut_short(text: str, e: json.JSONDecodeError) -> bool:
    """Whether JSON `text` that begins as an object or array fails (`e`) only for ending too soon:
    at its last character ("Expecting value", "Expecting ',' delimiter"), in a string left open
    (a string holds no line break, so only the end of the text leaves one open), or inside a
    word, a number or an escape whose start Python's error points at (`fals`, `-`, `1500.`).
    One line break at the end is passed over, as an editor or `echo` adds one to a file cut
    short; other whitespace there is the text's own, after which nothing is cut (`fals `)."""
    if not text.lstrip().startswith(("{", "[")):
        return False
    before = text.removesuffix("\n").removesuffix("\r")
    if before != text:
        try:
            json.loads(before)
        except json.JSONDecodeError as cut:
            return _ends_too_soon(before, cut)
    return _ends_too_soon(text, e)


def _ends_too_soon(text: str, e: json.JSONDecodeError) -> bool:
    if e.pos >= len(text) or e.msg.startswith("Unterminated string"):
        return True
    inside = _CUT_INSIDE_A_VALUE.get(e.msg)
    return inside is not None and inside.fullmatch(text, e.pos) is not None


# The rest of a text cut inside a value, from where Python's error (its message the key) points:
# a literal or a negative number begun, at its start; a number's fraction or exponent begun, the
# number before read whole; an escape begun in a string, at its u (said of an escape whole at the
# very end too). After a whole document the rest is "Extra data", never a cut.
_CUT_INSIDE_A_VALUE = {
    "Expecting value": re.compile(r"t(?:ru?)?|f(?:a(?:ls?)?)?|n(?:ul?)?|-"),
    "Expecting ',' delimiter": re.compile(r"(?<=[0-9])(?:\.|[eE][-+]?)"),
    "Invalid \\uXXXX escape": re.compile(r"(?<=\\)u[0-9a-fA-F]{0,4}"),
}
