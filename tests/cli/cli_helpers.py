"""What every command promises for bad input: one line on stderr, no traceback."""

from __future__ import annotations


def assert_one_line_error(stderr: str, *fragments: str) -> str:
    """One `cnn-playground: error: ...` line holding every fragment, and no traceback; the line."""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cnn-playground: error: "), stderr
    assert "Traceback" not in stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]
