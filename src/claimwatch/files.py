"""Writing files so that a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import InputError, Problem


def default_mode(directory: bool = False) -> int:
    """The permissions a plain open() or mkdir() would give. mkstemp and mkdtemp make private
    files, but the reader of a published report, list or snapshot is often someone else."""
    mask = os.umask(0)
    os.umask(mask)
    return (0o777 if directory else 0o666) & ~mask


def write_atomic(out: str | Path, data: bytes | str) -> None:
    """Write to a temporary file beside `out`, then rename it over `out`. An existing file keeps
    its permissions. A failure to write is an InputError naming the file; nothing is left behind."""
    out = Path(out)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        mode = out.stat().st_mode & 0o777 if out.is_file() else default_mode()
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    except OSError as e:
        raise InputError(Problem(str(out), 0, 0, f"cannot write: {e.strerror or e}")) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, out)
    except OSError as e:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise InputError(Problem(str(out), 0, 0, f"cannot write: {e.strerror or e}")) from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
