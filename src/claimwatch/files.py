"""Writing files so that a reader sees the old files or the new ones, never half of one, never
a mix of both, and never over a file the run is reading."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ._signals import stops_held
from ._text import printable
from .errors import LINKS_IN_A_LOOP as LINKS_IN_A_LOOP  # the one wording, for every reader and writer
from .errors import ROUND_IN_A_LOOP, InputError, Problem

# A name in another encoding than UTF-8: Python reads it with lone surrogates, which no UTF-8
# manifest or report can hold, so claimwatch refuses it where it first meets it.
NOT_UTF8_NAME = (
    "its name is not UTF-8 text (written in another encoding?): claimwatch writes the paths it reads "
    "into UTF-8 manifests and reports, so rename it"
)


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path as a message shows it: bytes of a name that are not UTF-8 as \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def is_utf8_text(text: str) -> bool:
    """Whether `text` can be written as UTF-8: a name Python read from bytes in another encoding
    holds lone surrogates, which cannot."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def utf8_named(path: Path) -> Path:
    """`path`, where its name is UTF-8 text; else an InputError naming it."""
    if not is_utf8_text(os.fspath(path)):
        raise InputError(Problem(shown_path(path), 0, 0, NOT_UTF8_NAME))
    return path


def yaml_files(paths: Iterable[str | Path], skip_folder: Callable[[str], bool] = lambda name: False) -> list[Path]:
    """The YAML files of `paths`, folders searched at every depth but for those below them whose
    names `skip_folder` gives; a link among them that leads nowhere (or round in a loop) is
    kept, so that reading it says so, never skipped in silence, but for an editor's lock beside
    a file being edited (`an_editors_lock`)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = (
                f
                for f in p.rglob("*")
                if f.suffix.lower() in (".yaml", ".yml")
                and (f.is_file() or f.is_symlink())
                and not any(skip_folder(d) for d in f.relative_to(p).parts[:-1])
                and not an_editors_lock(f)
            )
            out.extend(sorted(utf8_named(f) for f in found))
        else:
            out.append(p)
    return out


def yaml_names_in(folder: Path) -> list[str]:
    """The names of the YAML files (`.yaml`, `.yml`, in any case) in `folder`, not below it, as
    the folder lists them: on a file system that folds case, `x.yaml` and `x.YAML` are one."""
    try:
        with os.scandir(folder) as entries:
            return [e.name for e in entries if Path(e.name).suffix.lower() in (".yaml", ".yml") and e.is_file()]
    except (FileNotFoundError, NotADirectoryError):
        return []


def file_of_id(folder: Path, file_id: str, what: str) -> Path | None:
    """The file of `what` (a list, a topic) `file_id` in `folder`: `ID.yaml`, or `ID.yml` as
    editors save YAML (read so by `validate` and the claims), or None. Two (an update saved as
    `ID.yml` beside the old `ID.yaml`) are refused: either chosen, the other's content would be
    left out in silence."""
    named = sorted(n for n in yaml_names_in(folder) if Path(n).stem == file_id)
    if len(named) > 1:
        message = f"two files give {what} '{file_id}': {' and '.join(named)}; keep one"
        raise InputError(Problem(str(folder / named[0]), 0, 0, message))
    if named:
        return folder / named[0]
    # A link to a shared file, its share not mounted: said so, not "unknown list".
    for link in (folder / f"{file_id}{suffix}" for suffix in (".yaml", ".yml")):
        if nowhere := a_link_leading_nowhere(link):
            raise InputError(Problem(str(link), 0, 0, f"{nowhere}: restore it, or remove the link"))
    return None


# What Emacs writes as the lock of a file it edits with changes unsaved: USER@HOST.PID, then
# :BOOT where the boot time is known (the Emacs Lisp manual, "File Locks":
# https://www.gnu.org/software/emacs/manual/html_node/elisp/File-Locks.html).
_EMACS_LOCK = re.compile(r"[^/\n]+@[^/\n]+\.[0-9]+(?::[0-9]+)?")
_EMACS_LOCK_MAX_BYTES = 1024  # a user's and a host's name, and two numbers


def an_editors_lock(path: Path) -> bool:
    """Whether `path` is the lock Emacs keeps beside a file while its changes are unsaved:
    `.#NAME`, a link that leads nowhere on purpose, to USER@HOST.PID:BOOT (or, where the file
    system has no links, a small file holding that). Read as a claim or a topic, it stopped
    every command while a claim file was open in Emacs with a change unsaved ("no such file")."""
    if not path.name.startswith(".#"):
        return False
    try:
        if path.is_symlink():
            said = os.readlink(path)
        elif path.is_file() and path.stat().st_size <= _EMACS_LOCK_MAX_BYTES:
            said = path.read_bytes().decode("utf-8", errors="replace")
        else:
            return False
    except OSError:
        return False
    return _EMACS_LOCK.fullmatch(said) is not None


# What editors leave beside a file they edit: Emacs's backup `NAME~` (or `NAME.~1~`:
# `named_as_a_backup`, the one rule of a backup's name, a folder's too) and auto-save
# `#NAME#` (the Emacs manual, "Backup Names", "Auto Save Files":
# https://www.gnu.org/software/emacs/manual/html_node/emacs/Backup-Names.html,
# https://www.gnu.org/software/emacs/manual/html_node/emacs/Auto-Save-Files.html), and Vim's swap
# file, `NAME.swp`, then `.swo`, `.swn`, ... for a second and third (Vim's ":help swap-file":
# https://vimhelp.org/recover.txt.html#swap-file). No evidence, snapshot or record file is named so.
_AUTO_SAVE_OR_SWAP = re.compile(r"#.+#|.+\.sw[a-p]", re.DOTALL)


def an_editors_leftover(path: Path) -> bool:
    """Whether `path` is named as an editor's backup, auto-save or swap file of another."""
    return named_as_a_backup(path) or _AUTO_SAVE_OR_SWAP.fullmatch(path.name) is not None


def named_as_a_backup(path: Path) -> bool:
    """Whether `path` is named as a backup of another, `NAME~` or `NAME.~1~`: the names GNU `mv
    -b`, `cp -b` and Emacs give a file or folder they keep aside (coreutils's "Backup options":
    https://www.gnu.org/software/coreutils/manual/html_node/Backup-options.html)."""
    return len(path.name) > 1 and path.name.endswith("~")


def a_hidden_name(path: Path) -> bool:
    """Whether `path` has a hidden name, `.NAME` (`.git`, a writer's lock file and temporaries),
    which a search of a folder passes over, with all a folder so named holds."""
    return path.name.startswith(".") and path.name not in (".", "..")


def a_link_leading_nowhere(path: Path) -> str | None:
    """ "a link to TARGET, which is not there" where `path` is a link that leads nowhere (a shared
    drive not mounted, a file moved), the target shown inert; None for anything else. A reader
    that passed it over would drop what it holds in silence, so it is told, with the reader's
    own advice after it."""
    if path.is_symlink() and not path.exists():
        if leads_round_in_a_loop(path):  # there, but no file is ever reached: "not there" sent them looking
            return f"a link to {printable(os.readlink(path))}, which {ROUND_IN_A_LOOP}"
        return f"a link to {printable(os.readlink(path))}, which is not there"
    return None


def leads_round_in_a_loop(path: Path) -> bool:
    """Whether `path` is a link that leads round in a loop of links (ELOOP), never to a file."""
    try:
        os.stat(path)
    except OSError as e:
        return e.errno == errno.ELOOP
    return False


# Files of a case that are not YAML, named on a command that reads YAML: what each is, and what
# reads it, rather than "not valid YAML" at some line of it (or, where it parses, unknown keys).
# Not .json: a JSON document is YAML, and a claim, list or curated file may be written in it.
_NOT_YAML = {
    ".feature": "a Gherkin feature, not YAML: pytest runs it (pytest features/)",
    ".toml": "TOML, not YAML: a case's claimwatch.toml marks its root and is read where commands run",
    ".jsonl": "JSON Lines records, not YAML: give them to check --evidence or evidence show",
    ".ndjson": "JSON Lines records, not YAML: give them to check --evidence or evidence show",
    ".gz": "a gzipped file, not YAML: give records to check --evidence or evidence show",
    ".md": "Markdown, not YAML",
    ".html": "HTML, not YAML",
    ".csv": "CSV, not YAML: lists import makes a list from a screening list's CSV",
}


def not_yaml(path: Path) -> Problem | None:
    """A file given by name whose suffix says it is no YAML file: the one line that says what it is."""
    said = named_as_no_yaml(path)
    return Problem(str(path), 0, 0, f"is {said}") if said and path.is_file() else None


def named_as_no_yaml(path: Path) -> str | None:
    """What the suffix of `path` says the file is, where that is no YAML ("CSV, not YAML: ..."):
    a file by that name is read as that, never as YAML, there or not yet."""
    return _NOT_YAML.get(path.suffix.lower())


def default_mode(directory: bool = False) -> int:
    """The permissions a plain open() or mkdir() would give. mkstemp and mkdtemp make private
    files, but the reader of a published report, list or snapshot is often someone else."""
    mask = os.umask(0)
    os.umask(mask)
    return (0o777 if directory else 0o666) & ~mask


# The lock descriptors (flock) this process holds: a snapshot's, a columnar copy's in the cache.
# A process forked while one is held (the works table's workers) closes its copies at once: a
# flock lives while any copy is open, so a worker outliving a killed writer would keep the lock.
_HELD_LOCKS: set[int] = set()


def hold_lock(fd: int) -> None:
    """`fd` holds (or is about to hold) a lock: processes forked from now on close their copy."""
    _HELD_LOCKS.add(fd)


def release_lock(fd: int) -> None:
    """Let go of a lock `hold_lock` was told of (closing the descriptor releases the flock)."""
    _HELD_LOCKS.discard(fd)
    os.close(fd)


def open_lock_file(where: Path) -> int:
    """The lock file `where`, made if missing with the mode a plain open() gives (a team's umask
    002 lets each of them write it), opened to flock (never through a symlink). One another user
    made and has not let this one write (0644, as every lock was made before) is opened to read:
    flock takes a lock on a file opened to read, and the lock guards what is beside it, whose own
    permissions say whether it may be written."""
    no_link = getattr(os, "O_NOFOLLOW", 0)
    try:
        return os.open(where, os.O_CREAT | os.O_RDWR | no_link, 0o666)
    except PermissionError:
        if not where.is_file():
            raise
        return os.open(where, os.O_RDONLY | no_link)


class LockOpenedToReadRefused(PermissionError):
    """A lock file another user made, opened to read (`open_lock_file`), that the file system will
    not lock so: NFS makes flock a byte-range lock on the whole file, and an exclusive one needs
    the file opened to write (flock(2), "NFS details":
    https://man7.org/linux/man-pages/man2/flock.2.html; fcntl(2): EBADF where "the file descriptor
    open mode doesn't match with the type of lock requested"). Its text follows the lock's name."""

    def __init__(self) -> None:
        super().__init__(
            errno.EACCES,
            "is another user's, opened to read, which this file system locks only for one who may write "
            "it (as NFS does): ask them to let you write it",
        )


def lock_not_taken(doing: str, lock: Path, e: OSError) -> str:
    """The line's words, after the file's name, for what could not be done (`doing`: "cannot
    write the snapshot") for want of `lock`, its lock beside it, refused with `e`: one wording for
    a snapshot's, a columnar copy's and a review's lock, where a folder in the lock's place was
    said three ways (".msra.lock: is a folder, not the snapshot's lock file", ".works.lock:
    cannot lock the cache: Is a directory", "... its lock beside it (...): Is a directory"). A
    lock the file system would not make or open (read-only, full) is said as a write there is; one
    there that this user may not open (another's, 0600) is named, as the file to ask about."""
    if isinstance(e, LockOpenedToReadRefused):
        return f"{doing}: its lock beside it ({lock.name}) {e.strerror}"
    try:
        kind = os.lstat(lock).st_mode
    except OSError:  # not there: its folder would not make it
        return f"{doing}: {why_not_written(lock, e)}"
    if stat.S_ISDIR(kind):
        return f"{doing}: its lock beside it ({lock.name}) is a folder, not a lock file: remove it"
    if stat.S_ISLNK(kind):  # opened with O_NOFOLLOW, whose ELOOP said "Too many levels of symbolic links"
        return f"{doing}: its lock beside it ({lock.name}) is a link, which a lock is never opened through: remove it"
    if stat.S_ISREG(kind) and not isinstance(e, PermissionError):
        return f"{doing}: {why_not_written(lock, e)}"
    # Another user's this one may not open: "reviews.yaml: ...: Permission denied" sent the analyst
    # to a file they may write. A socket, a device.
    return f"{doing}: its lock beside it ({lock.name}): {e.strerror or e}"


def lock_exclusively(fd: int, busy: Callable[[], None]) -> int:
    """An exclusive flock on the open lock file `fd`, held (`hold_lock`) until `release_lock`.
    Where another process holds it, `busy()` is called: it raises to give up, or returns to wait
    for the lock (Ctrl-C and SIGTERM end the wait). Given up or interrupted, `fd` is closed. A lock
    opened to read that the file system will not lock is a `LockOpenedToReadRefused`."""
    hold_lock(fd)  # before the lock is had: a process forked meanwhile (a pool's workers) closes its copy
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            busy()
            fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError as e:
        refused = e.errno == errno.EBADF and _opened_to_read(fd)
        release_lock(fd)
        if refused:
            raise LockOpenedToReadRefused from None
        raise
    except BaseException:
        release_lock(fd)
        raise
    return fd


def _opened_to_read(fd: int) -> bool:
    return fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY


def _close_inherited_locks() -> None:
    for fd in _HELD_LOCKS:
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD_LOCKS.clear()


os.register_at_fork(after_in_child=_close_inherited_locks)


NAME_MAX = 255
"""The most bytes of a file name the common file systems take (ext4, XFS, APFS, NTFS's 255
UTF-16 units): a name near it is a valid output, however long the temporary names beside it."""


def hidden_prefix(name: str, room: int) -> str:
    """`.NAME`, the start of a hidden file's name beside `name`, cut (at a character) so that
    `room` bytes more still make a name within NAME_MAX: a report or list named near the limit
    (80 Chinese characters are 240 bytes) is written, not refused as "File name too long"."""
    kept = name
    while len(f".{kept}".encode()) + room > NAME_MAX and kept:
        kept = kept[:-1]
    return f".{kept}"


def write_atomic(out: str | Path, data: bytes | str) -> None:
    """Write to a temporary file beside `out`, then rename it over `out`. An existing file keeps
    its permissions; a read-only one is refused. A failure to write is an InputError naming the
    file; nothing is left behind."""
    write_all_atomic({Path(out): data})


def write_all_atomic(outputs: Mapping[Path, bytes | str | Iterable[str]]) -> None:
    """Write every file or none, each given whole or as pieces of text written as they come.
    Each is written in full to a temporary file beside it first; only when all are on disk are
    they renamed over their targets. A failure (a full disk, a read-only folder, Ctrl-C, a
    renderer failing part way) removes the temporaries and leaves every earlier file as it was;
    a failure to write is an InputError naming the file that could not be written."""
    staged: list[_Staged] = []
    try:
        for out, data in outputs.items():
            staged.append(_stage(out, data))
        _swap_in(staged)
    finally:
        with stops_held():  # a second Ctrl-C waits for the temporaries' removal
            for s in staged:
                _remove(s.tmp)


@dataclass(frozen=True)
class _Staged:
    out: Path
    tmp: str


def _cannot_write(out: Path, e: OSError) -> InputError:
    return InputError(Problem(str(out), 0, 0, f"cannot write: {why_not_written(out, e)}"))


def why_not_written(out: Path, e: OSError) -> str:
    """Why `out` could not be written, in words: a file where a folder of the path should be
    (`a_file_in_the_way`) named, or the system's words."""
    if (blocking := a_file_in_the_way(out, e)) is not None:
        return _no_folder(blocking)
    return str(e.strerror or e)


def a_file_in_the_way(out: Path, e: OSError) -> Path | None:
    """The file standing where a folder of `out`'s path should be, which made writing it fail
    with `e`: mkdir says "File exists" and mkstemp "Not a directory", neither naming it."""
    if e.errno not in (errno.EEXIST, errno.ENOTDIR):
        return None
    return a_file_above(out)


def a_file_above_said(out: Path) -> str | None:
    """A file where a folder of `out`'s path should be, found before a write (the whole input read
    first, else), in the words the write's failure says it (`why_not_written`); None if none."""
    blocking = a_file_above(out)
    return None if blocking is None else _no_folder(blocking)


def _no_folder(blocking: Path) -> str:
    return f"{printable(str(blocking))} is a file, not a folder"


def a_file_above(out: Path) -> Path | None:
    """The first file (not a folder) among the folders `out`'s path goes through, if any. A folder
    that cannot be looked into (another user's, mode 700) is passed over, as one not there: the
    write says why, naming what it writes, where `Path.exists` raised "claimwatch: FOLDER:
    Permission denied", in place of "r.json: cannot write: ..." or "snap: cannot write the
    snapshot: ...", once this guard ran before the run."""
    return next((p for p in reversed(out.parents) if _a_file_not_a_folder(p)), None)


def _a_file_not_a_folder(path: Path) -> bool:
    try:
        return not stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:  # not there, or not to be looked into
        return False


def _stage(out: Path, data: bytes | str | Iterable[str]) -> _Staged:
    """`data` in a temporary file beside `out`, flushed to disk, with the mode `out` will have."""
    if isinstance(data, bytes):
        pieces: Iterable[bytes] = (data,)
    elif isinstance(data, str):
        pieces = (data.encode("utf-8"),)
    else:
        pieces = _encoded(data)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.is_file() and only_its_owner_may_replace(out):
            raise InputError(Problem(str(out), 0, 0, why_only_its_owner_may_replace()))
        if out.is_file() and write_protected(out):
            raise InputError(Problem(str(out), 0, 0, why_protected(out)))
        mode = out.stat().st_mode & 0o777 if out.is_file() else default_mode()
        # mkstemp adds 8 characters between prefix and suffix
        fd, tmp = tempfile.mkstemp(
            dir=out.parent, prefix=hidden_prefix(out.name, len(".") + 8 + len(".tmp")) + ".", suffix=".tmp"
        )
    except OSError as e:
        raise _cannot_write(out, e) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.writelines(pieces)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
    except BaseException as e:
        _remove(tmp)
        if isinstance(e, OSError):
            raise _cannot_write(out, e) from None
        raise
    return _Staged(out, tmp)


def write_protected(path: Path) -> bool:
    """Whether `path` (a file or a folder) is one its user may not write, or one no one may
    (`chmod a-w`, which root's access ignores). A rename replacing it needs only the folder it
    is in, so claimwatch asks this first: replacing it would undo the protection in silence."""
    if not path.stat().st_mode & 0o222:
        return True
    # Where the folder above cannot be written either (a read-only file system, whose access
    # says no to every path), nothing is replaced, and the write says why in its own words.
    return not os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def why_protected(out: Path, what: str = "the file") -> str:
    """Why `what` (the file, the snapshot), write-protected at `out`, is not replaced, in words
    that say who may change that: one whose mode lets others write it, but not this user, is
    another user's to open up (its mode is theirs to change: "make it writable" would fail,
    "Operation not permitted")."""
    found = out.stat()
    if found.st_mode & 0o222 and found.st_uid != os.geteuid():
        return f"cannot write: {what} is another user's, who has not let you write it; give another path"
    return f"cannot write: {what} is read-only; make it writable to replace it"


def only_its_owner_may_replace(path: Path) -> bool:
    """Whether `path` is another user's, in a sticky folder (/tmp, a shared drop folder) that is
    not this user's either: there the system lets only the file's or the folder's owner rename
    over it or remove it, so the rename would fail, and the second name kept for the earlier file
    while the renames run could not be removed, left behind beside it."""
    user = os.geteuid()
    if user == 0:
        return False  # root may replace any file there
    folder = path.parent.stat()
    return bool(folder.st_mode & stat.S_ISVTX) and user not in (path.lstat().st_uid, folder.st_uid)


def why_only_its_owner_may_replace(what: str = "the file") -> str:
    """Why `what` (the file, the snapshot), where `only_its_owner_may_replace`, is not replaced:
    one wording for a report's or a list's file and a snapshot's folder alike."""
    return (
        f"cannot write: {what} is another user's, in a folder where only its owner may replace it "
        "(a sticky folder, as /tmp is); give another path"
    )


def _encoded(pieces: Iterable[str]) -> Iterator[bytes]:
    """Pieces of text as UTF-8, a few hundred kilobytes at a time (one write call each)."""
    batch: list[str] = []
    size = 0
    for piece in pieces:
        batch.append(piece)
        size += len(piece)
        if size >= 1 << 18:
            yield "".join(batch).encode("utf-8")
            batch, size = [], 0
    if batch:
        yield "".join(batch).encode("utf-8")


def _swap_in(staged: list[_Staged]) -> None:
    """Rename every temporary over its target. Each earlier file is kept under a second name
    (a hard link) until all renames are done, so that a rename failing part way puts back the
    files already replaced and removes the ones it created."""
    earlier: dict[Path, _Earlier] = {}
    try:
        for s in staged:
            earlier[s.out] = _keep_earlier(s.out)
            os.replace(s.tmp, s.out)
    except BaseException as e:
        # A second Ctrl-C waits: broken into, the files renamed over stayed the new ones, and the
        # earlier ones' second names were removed below, the earlier files lost.
        with stops_held():
            for out, kept in earlier.items():
                _put_back(out, kept)
        if isinstance(e, OSError):
            raise _cannot_write(next(reversed(earlier)), e) from None
        raise
    finally:
        with stops_held():
            for kept in earlier.values():
                if kept.backup:
                    _remove(kept.backup)


@dataclass(frozen=True)
class _Earlier:
    existed: bool
    backup: str | None  # a second name for the earlier file, while the renames run


def _keep_earlier(out: Path) -> _Earlier:
    if not out.is_file():
        return _Earlier(existed=out.exists(), backup=None)
    backup = str(out.parent / f"{hidden_prefix(out.name, len('.') + 12 + len('.old'))}.{os.urandom(6).hex()}.old")
    try:
        os.link(out, backup)
    except OSError:  # no hard links here: the rename is then the only step that changes `out`
        return _Earlier(existed=True, backup=None)
    return _Earlier(existed=True, backup=backup)


def _put_back(out: Path, kept: _Earlier) -> None:
    with contextlib.suppress(OSError):
        if kept.backup:
            os.replace(kept.backup, out)
        elif not kept.existed:
            _remove(str(out))


def _remove(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def refuse_unsafe_outputs(targets: Mapping[str, str | Path], inputs: Iterable[tuple[str, str | Path]]) -> None:
    """The output guard: an InputError, before anything is written, when an output (`targets`,
    option name to path) is a folder, is one of the run's `inputs` (kind, path: a claim file, a
    list, a folder of evidence) or lies inside an input folder, or is the same file as another
    output. Paths are compared resolved (symlinks and `..` followed) and, where the file exists,
    by device and inode, so a hard link or a second mount of an input is refused too."""
    guarded = [_Guarded(kind, str(path), _Identity.of(path)) for kind, path in inputs]
    seen: dict[str, _Identity] = {}
    for label, target in targets.items():
        out = _Identity.of(target)
        if out.is_dir:
            raise _refused(target, f"{label} names a folder; give a file path")
        for g in guarded:
            why = g.refusal(label, target, out)
            if why is not None:
                raise _refused(target, f"{why}; choose another path")
        for other, identity in seen.items():
            if identity.same_file(out):
                raise _refused(target, f"{label} names the same file as {other}; give each output its own path")
        kind = _not_a_regular_file(Path(target))
        if kind:
            # A report replaces its target: replacing /dev/null, a pipe or a link (as root, even
            # /dev/stdout) is never what was meant.
            raise _refused(target, f"{label} names {kind}, not a regular file; give a file path")
        if str(target) == "-":
            raise _refused(target, f"{label} names '-': reports go to files; give a file path")
        if (said := a_file_above_said(Path(target))) is not None:
            # Said before the run, where the write said it after a whole check.
            raise _refused(target, f"cannot write: {said}")
        seen[label] = out


def refuse_folder_over_inputs(out: str | Path, inputs: Iterable[str | Path]) -> None:
    """The guard for an output folder that is replaced whole (a snapshot): an InputError, before
    anything is read or written, when `out` is one of `inputs`, holds one (replacing it would
    delete the input) or lies inside an input folder (writing it would change the input). Paths
    are compared resolved (symlinks and `..` followed) and by device and inode (a bind mount)."""
    target = _Identity.of(out)
    for path in inputs:
        given = _Identity.of(path)
        if given.same_file(target):
            raise _refused(out, f"is the input {path}: give the snapshot a folder of its own")
        if _inside(given, target):
            raise _refused(out, f"holds the input {path}, which replacing it would delete: give another folder")
        if given.is_dir and _inside(target, given):
            raise _refused(out, f"lies inside the input folder {path}: give a folder outside it")


def _inside(item: _Identity, folder: _Identity) -> bool:
    """Whether `item` lies below `folder`: by path, or (the folder reached another way, a bind
    mount) by the folder's device and inode among the item's parents."""
    parents = item.resolved.parents
    if folder.resolved in parents:
        return True
    return folder.inode is not None and folder.is_dir and any(_inode(p) == folder.inode for p in parents)


def _not_a_regular_file(path: Path) -> str | None:
    """What an existing path is, where it is not a regular file (looked at, not followed)."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return None  # not there yet: a report makes it
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return None


def _refused(target: str | Path, message: str) -> InputError:
    return InputError(Problem(str(target), 0, 0, message))


@dataclass(frozen=True)
class _Identity:
    """Where a path leads: its resolved form, and its device and inode where it exists."""

    resolved: Path
    inode: tuple[int, int] | None
    is_dir: bool

    @classmethod
    def of(cls, path: str | Path) -> _Identity:
        """Where `path` leads; a link that leads round in a loop (`ln -s out.json out.json`, an
        output path through one), which ended `check --json`, `evidence import --out` and `lists
        import` in a traceback ("RuntimeError: Symlink loop"), is an InputError naming it."""
        try:
            resolved = Path(path).resolve()
        except RuntimeError:  # Python 3.11 and 3.12 refuse a loop here
            raise InputError(Problem(str(path), 0, 0, LINKS_IN_A_LOOP)) from None
        try:
            st = resolved.stat()
        except OSError as e:
            if e.errno == errno.ELOOP:  # Python 3.13 resolves no further, and the loop is met here
                raise InputError(Problem(str(path), 0, 0, LINKS_IN_A_LOOP)) from None
            return cls(resolved, None, False)
        return cls(resolved, (st.st_dev, st.st_ino), os.path.isdir(resolved))

    def same_file(self, other: _Identity) -> bool:
        return self.resolved == other.resolved or (self.inode is not None and self.inode == other.inode)


@dataclass(frozen=True)
class _Guarded:
    """An input of the run, which no output may replace or be written into."""

    kind: str
    path: str
    identity: _Identity

    def refusal(self, label: str, target: str | Path, out: _Identity) -> str | None:
        """Why the output `label` at `target` (`out`) may not be written, being this input or
        in it, in words true of the rename that writes it; None where it may."""
        if self.kind == "evidence":
            return self._evidence_refusal(label, target, out)
        if not self.identity.same_file(out):
            return None
        how = _how_it_reaches(target, self.path)
        return f"{label} {how} the {self.kind} {self.path}, an input of this run"

    def _evidence_refusal(self, label: str, target: str | Path, out: _Identity) -> str | None:
        into = f"{label} would write into the evidence at {self.path}"
        if self.identity.same_file(out):
            how = _how_it_reaches(target, self.path)
            return into if how == _OVERWRITES else f"{label} {how} the evidence at {self.path}"
        if not self.identity.is_dir:
            return None
        if self.identity.resolved in out.resolved.parents:
            return f"{label} names a link into the evidence at {self.path}" if Path(target).is_symlink() else into
        # The same folder reached another way (a bind mount).
        if any(_inode(p) == self.identity.inode for p in out.resolved.parents):
            return into
        linked = _inodes_under(self.identity.resolved).get(out.inode) if out.inode is not None else None
        if linked is not None:
            named = Path(self.path, linked.relative_to(self.identity.resolved))
            return f"{label} {_HARD_LINK} {printable(str(named))}, in the evidence at {self.path}"
        return None


# How an output path reaches an input's file. A report is renamed over its path: over the input's
# own name (or the same folder's, mounted twice) that replaces the input; over a symbolic or hard
# link it replaces only the link, the input left as it is, though a report meant for it is not.
_OVERWRITES = "would overwrite"
_SYMBOLIC_LINK = "names a link to"
_HARD_LINK = "names a hard link (the same file by another name) to"


def _how_it_reaches(target: str | Path, input_path: str | Path) -> str:
    if Path(target).is_symlink():
        return _SYMBOLIC_LINK
    # The input's file by the entry its links lead to: an input given by a symbolic link
    # (current.yaml -> claims/c.yaml) is overwritten by a report named claims/c.yaml.
    return _OVERWRITES if _entry(target) == _entry(Path(input_path).resolve()) else _HARD_LINK


def _entry(path: str | Path) -> tuple[tuple[int, int] | None, str]:
    """A path's entry in its folder: the folder's device and inode (however reached) and the name."""
    given = Path(path)
    return _inode(given.parent), given.name


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _inodes_under(folder: Path) -> dict[tuple[int, int], Path]:
    """The files under `folder`, by device and inode (the first of a file's names found)."""
    found: dict[tuple[int, int], Path] = {}
    for parent, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(parent, name)
            inode = _inode(path)
            if inode:
                found.setdefault(inode, path)
    return found
