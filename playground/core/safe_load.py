"""Reading what a hostile or broken file holds: bounded work, and a one-line reason when it fails.

Every loader (designs, checkpoints, autosaves, the clipboard) goes through these few
helpers so that the same file gets the same answer everywhere:

- `read_capped` reads a regular file of at most `limit` bytes; a device (`/dev/zero`), a
  pipe or a folder is refused before a byte is read, so nothing reads until memory runs out.
- `loads_json` is `json.loads` whose every failure (syntax, nesting past Python's stack,
  an integer of more digits than Python converts) is an `UnreadableJson` with one line.
- `short_repr` quotes a value in a message without failing on it (a 5,000-digit integer
  cannot even be printed) or flooding the line.
- `escape_lone_surrogates` and `printable` keep text that came from a file (a name with a
  lone surrogate, an ANSI escape, a newline) writable as UTF-8 and harmless on a terminal.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from playground.core.i18n import _
from playground.core.safe_text import printable

MAX_DESIGN_BYTES = 32 * 1024 * 1024  # a 10,000-layer design is about 1 MB


class UnreadableFile(ValueError):
    """A file that cannot be read as asked; the text is the reason alone (callers name the file)."""


class UnreadableJson(ValueError):
    """Text that is not usable JSON; the text is the reason alone, one line."""


def check_regular_file(path: str | os.PathLike[str]) -> os.stat_result:
    """The file's stat when it is an existing regular file; otherwise UnreadableFile saying what it is."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise UnreadableFile(_("no such file")) from None
    except PermissionError:
        raise UnreadableFile(_("cannot read (permission denied)")) from None
    except (OSError, ValueError) as exc:
        raise UnreadableFile(_("cannot read ({reason})").format(reason=_os_reason(exc))) from None
    _refuse_special(info)
    return info


def read_capped(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, else UnreadableFile.

    The file is opened without blocking (a FIFO would otherwise wait for a writer) and
    checked with fstat before anything is read; at most `limit + 1` bytes are ever read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise UnreadableFile(_("no such file")) from None
    except IsADirectoryError:
        raise UnreadableFile(_("cannot read (a folder, not a file)")) from None
    except PermissionError:
        raise UnreadableFile(_("cannot read (permission denied)")) from None
    except (OSError, ValueError) as exc:
        raise UnreadableFile(_("cannot read ({reason})").format(reason=_os_reason(exc))) from None
    try:
        info = os.fstat(fd)
        _refuse_special(info)
        if info.st_size > limit:
            raise UnreadableFile(_("cannot read (too large: {size:,} bytes, at most {limit:,})").format(
                size=info.st_size, limit=limit))
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as fh:
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise UnreadableFile(_("cannot read ({reason})").format(reason=_os_reason(exc))) from None
    if len(data) > limit:
        raise UnreadableFile(_("cannot read (too large: more than {limit:,} bytes)").format(limit=limit))
    return data


def _refuse_special(info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile(_("cannot read (a folder, not a file)"))
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile(_("cannot read (not a regular file but a device, pipe or socket)"))


def _os_reason(exc: BaseException) -> str:
    return str(getattr(exc, "strerror", None) or exc).splitlines()[0] if str(exc) else type(exc).__name__


def loads_json(text: str | bytes) -> Any:
    """`json.loads`, with every failure an UnreadableJson of one line."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableJson(_("not valid JSON (line {line}, column {column}: {reason})").format(
            line=exc.lineno, column=exc.colno, reason=exc.msg)) from None
    except RecursionError:
        raise UnreadableJson(_("not readable JSON (nested too deeply)")) from None
    except UnicodeDecodeError:
        raise UnreadableJson(_("not UTF-8 text")) from None
    except ValueError as exc:  # an integer of more digits than int() converts (sys.get_int_max_str_digits)
        raise UnreadableJson(_("not readable JSON ({reason})").format(reason=digits_reason(exc))) from None


def digits_reason(exc: ValueError) -> str:
    """The reason of a ValueError from converting a huge integer, in a few words."""
    if "digits" in str(exc):
        return _("a number has too many digits")
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def short_repr(value: Any, limit: int = 60) -> str:
    """`repr(value)` cut to `limit` characters, safe for values repr itself refuses (huge ints)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return _("a number of more than 60 digits")
    try:
        text = repr(value)
    except (ValueError, RecursionError):
        return _("a {type} that cannot be shown").format(type=type(value).__name__)
    text = printable(text)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def file_text(path: str | os.PathLike[str], limit: int = MAX_DESIGN_BYTES) -> str:
    """A regular UTF-8 text file of at most `limit` bytes, else UnreadableFile with the reason."""
    data = read_capped(Path(path), limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(_("cannot read (not UTF-8 text: {reason} at byte {offset})").format(
            reason=exc.reason, offset=exc.start)) from None
