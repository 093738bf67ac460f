"""Untrusted text (from evidence, claim files, list files, servers) made safe to show.

One rule for every place such text is shown: reports, the terminal, feature failures.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline (a lone carriage return can overwrite a terminal line), DEL,
# C1 controls (ESC-less terminal sequences), and the bidi embeddings, overrides and isolates
# that reorder what a reader sees.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with every control and bidi-override character replaced by U+FFFD; Windows line
    ends (CRLF) are kept as plain newlines first, so only a stray carriage return is replaced."""
    return _CONTROL.sub("\ufffd", text.replace("\r\n", "\n"))
