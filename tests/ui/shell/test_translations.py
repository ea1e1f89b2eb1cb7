"""The Qt catalogue of the window: every tr() string has a finished Chinese translation, none
is obsolete, placeholders survive, and the shipped .qm is the .ts compiled."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import pytest

from playground import paths

REPO = Path(__file__).resolve().parents[3]
TS = paths.resources_dir() / "translations" / "cnn_playground_zh_CN.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def _tool(name: str) -> str:
    """A Qt tool of PySide6-Essentials, beside this Python."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: it comes with PySide6-Essentials")
    return found


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(context.findtext("name") or "", message.findtext("source") or ""): message.find("translation")
            for context in root.iter("context") for message in context.iter("message")}


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What lupdate finds in the sources today, in an empty catalogue."""
    target = tmp_path_factory.mktemp("lupdate") / "fresh_zh_CN.ts"
    sources = sorted(str(p.relative_to(REPO)) for p in (REPO / "playground" / "ui").rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *sources,
                    "-ts", str(target)], cwd=REPO, check=True, capture_output=True)
    return target


def test_the_catalogue_holds_exactly_the_strings_of_the_sources(fresh_ts: Path) -> None:
    shipped, found = set(_messages(TS)), set(_messages(fresh_ts))
    assert sorted(found - shipped) == [], "new strings: run resources/translations/update.sh and translate them"
    assert sorted(shipped - found) == [], "obsolete strings: run resources/translations/update.sh"


def test_every_string_has_a_finished_translation_with_its_placeholders() -> None:
    unfinished: dict[str, list[str]] = defaultdict(list)
    for (context, source), translation in _messages(TS).items():
        text = translation.text or "" if translation is not None else ""
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished") or not text:
            unfinished[context].append(source)
        else:
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (context, source, text)
    assert dict(unfinished) == {}


def test_the_shipped_qm_is_the_ts_compiled(tmp_path: Path) -> None:
    compiled = tmp_path / "check.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(compiled)], check=True)
    assert compiled.read_bytes() == QM.read_bytes(), "run resources/translations/update.sh"
