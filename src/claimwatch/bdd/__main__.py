"""`python -m claimwatch.bdd [DOC.md]`: print the step list, or rewrite DOC.md's step section."""

from __future__ import annotations

import sys
from pathlib import Path

from .reference import step_reference, update_document


def main(argv: list[str]) -> int:
    if not argv:
        sys.stdout.write(step_reference())
        return 0
    for name in argv:
        try:
            changed = update_document(Path(name))
        except (OSError, UnicodeDecodeError, ValueError) as e:  # a missing file, no markers: one line
            reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
            print(f"{name}: {reason}", file=sys.stderr)
            return 2
        print(f"{name}: {'step list updated' if changed else 'step list already current'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
