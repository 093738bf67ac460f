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
    word, a number or an escape whose start Python's error points at (`fals`, `-`, `1500.`)."""
    if not text.lstrip().startswith(("{", "[")):
        return False
    end = text.rstrip()
    if e.pos >= len(end) or e.msg.startswith("Unterminated string"):
        return True
    inside = _CUT_INSIDE_A_VALUE.get(e.msg)
    return inside is not None and inside.fullmatch(end, e.pos) is not None


# The rest of a text cut inside a value, from where Python's error (its message the key) points:
# a literal or a negative number begun, at its start; a number's fraction or exponent begun, the
# number before read whole; an escape begun in a string, at its u (said of an escape whole at the
# very end too). After a whole document the rest is "Extra data", never a cut.
_CUT_INSIDE_A_VALUE = {
    "Expecting value": re.compile(r"t(?:ru?)?|f(?:a(?:ls?)?)?|n(?:ul?)?|-"),
    "Expecting ',' delimiter": re.compile(r"(?<=[0-9])(?:\.|[eE][-+]?)"),
    "Invalid \\uXXXX escape": re.compile(r"(?<=\\)u[0-9a-fA-F]{0,4}"),
}
