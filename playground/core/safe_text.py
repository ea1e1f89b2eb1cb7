"""Free text from a design file, made safe for the places the app writes it to.

A design's name, description and block labels are the person's text, not the program's:
they may hold quotes, backslashes, newlines, control characters or lone surrogates (JSON
allows `"\\ud800"`). Written as they are, they could end a comment or a string literal in
exported source (and so add statements to it), break a table into extra lines, or fail to
encode as UTF-8. The functions here return text that stays inside the comment, literal or
line it is put in, and always encodes.
"""

from __future__ import annotations

import json
import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(char: str) -> str:
    """One non-printable character as its Python escape (\\n, \\x1b, \\u200b, \\ud800, \\U000e0001)."""
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def printable(text: str) -> str:
    """Text for one line of a terminal, table, message or comment: every non-printable
    character (newlines, carriage returns, ANSI escapes and other control characters, line
    and paragraph separators, lone surrogates, invisible format characters) is shown as its
    escape, so the text can neither break the line nor drive the terminal, and still says
    what it held. 'a\\n\\x1b[2J' -> 'a\\\\n\\\\x1b[2J'."""
    return "".join(c if c.isprintable() else _escape_char(c) for c in text)


def comment_text(text: str) -> str:
    """Text for a `# ...` comment or a docstring in generated Python: runs of whitespace
    (newlines and tabs included) read as one space, as prose does, and what is left
    non-printable is escaped, so it cannot end the comment and encodes as UTF-8.
    'a\\n\\tb\\x00' -> 'a b\\\\x00'."""
    return printable(" ".join(text.split()))


def string_body(text: str) -> str:
    """The inside of a double-quoted Python string literal (single- or triple-quoted)
    whose value is `text` exactly: backslashes and double quotes escaped, and every
    non-printable character (newlines included) as its escape, so the literal stays on
    one line, can never be closed early, and encodes as UTF-8."""
    out = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char.isprintable():
            out.append(char)
        else:
            out.append(_escape_char(char))
    return "".join(out)


def string_literal(text: str) -> str:
    """A double-quoted Python string literal whose value is `text` exactly: "LeNet-5" -> '"LeNet-5"'."""
    return f'"{string_body(text)}"'


def docstring_body(text: str) -> str:
    """Text for the inside of a generated `\"\"\"docstring\"\"\"`: the docstring's value is
    `comment_text(text)` (one line, invisible characters shown as escapes), escaped as
    `string_body`, so nothing after it can become code. A class docstring must be valid
    UTF-8 (Python stores it as a C string), which is why a lone surrogate stays an escape
    in the value too rather than becoming a character again."""
    return string_body(comment_text(text))


def json_text(value: Any, indent: int | None = 2) -> str:
    """`json.dumps(value, ensure_ascii=False)`, except that lone surrogates are written as
    `\\udXXX` escapes (which JSON allows and reads back), so the text always encodes as
    UTF-8 and every other character stays readable."""
    return escape_lone_surrogates(json.dumps(value, indent=indent, ensure_ascii=False))


def escape_lone_surrogates(text: str) -> str:
    """JSON text with each lone surrogate written as its `\\uXXXX` escape, so it encodes as UTF-8.

    A Python string holds a surrogate only when it is unpaired (a pair decodes to one
    character), and in JSON text one can only sit inside a string, where the escape reads
    back as the same character: the file round-trips exactly."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
