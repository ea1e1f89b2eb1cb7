"""Core's messages in Chinese: the language choice, and a gettext catalogue that is complete,
current and compiled."""

from __future__ import annotations

import ast
import gettext
import re
import subprocess
import sys
from pathlib import Path

import pytest

from playground import paths
from playground.core import i18n

REPO = Path(__file__).resolve().parents[2]
PO = paths.resources_dir() / "locale" / "zh_CN" / "LC_MESSAGES" / "cnn_playground.po"
MO = PO.with_suffix(".mo")
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


@pytest.fixture
def chinese():
    yield i18n.set_language("zh_CN")
    i18n.set_language("en")


def test_the_language_follows_the_locale_in_gettexts_order() -> None:
    assert i18n.language_from_environment({"LANG": "zh_CN.UTF-8"}) == "zh_CN"
    assert i18n.language_from_environment({"LANG": "de_DE.UTF-8"}) == "en"
    assert i18n.language_from_environment({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}) == "zh_CN"
    assert i18n.language_from_environment({"LANGUAGE": "en:zh", "LC_ALL": "zh_CN.UTF-8"}) == "en"
    assert i18n.language_from_environment({"LANGUAGE": "", "LANG": "zh_CN"}) == "zh_CN"
    assert i18n.language_from_environment({}) == "en"
    assert i18n.normalize_language("C") == "en" and i18n.normalize_language("zh-cn") == "zh_CN"


def test_switching_changes_what_underscore_answers(chinese: str) -> None:
    assert chinese == "zh_CN" and i18n.current_language() == "zh_CN"
    assert i18n._("wrote {path}").format(path="a.png") == "已写入 a.png"
    assert i18n._("a text no catalogue has") == "a text no catalogue has"
    i18n.set_language("en")
    assert i18n._("wrote {path}") == "wrote {path}" and i18n.current_language() == "en"


# ---------------------------------------------------------------- the catalogue

def _po_entries(text: str) -> list[dict[str, str]]:
    """The entries of a .po file: msgid, msgstr and flags (a reader for the subset
    update.sh writes: no plurals, no contexts)."""
    entries, entry, field = [], {"flags": ""}, None
    for line in text.splitlines() + [""]:
        if not line.strip():
            if "msgid" in entry:
                entries.append(entry)
            entry, field = {"flags": ""}, None
        elif line.startswith("#,"):
            entry["flags"] += line[2:]
        elif line.startswith("#"):
            continue
        elif line.startswith(("msgid ", "msgstr ")):
            field, _, value = line.partition(" ")
            entry[field] = ast.literal_eval(value)
        elif line.startswith('"') and field:
            entry[field] += ast.literal_eval(line)
    return [e for e in entries if e["msgid"]]  # not the header


def _marked_in_sources() -> set[str]:
    """Every literal passed to _() or N_() in the non-Qt code (core, commands, cli)."""
    found = set()
    for path in sorted((REPO / "playground").rglob("*.py")):
        if "ui" in path.relative_to(REPO / "playground").parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "N_")
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.add(node.args[0].value)
    return found


def test_every_marked_message_has_a_chinese_translation_and_none_is_obsolete() -> None:
    entries = _po_entries(PO.read_text(encoding="utf-8"))
    in_catalogue = {e["msgid"] for e in entries}
    marked = _marked_in_sources()
    assert sorted(marked - in_catalogue) == [], "run resources/translations/update.sh and translate"
    assert sorted(in_catalogue - marked) == [], "obsolete: run resources/translations/update.sh"
    assert [e["msgid"] for e in entries if not e["msgstr"] or "fuzzy" in e["flags"]] == []


def test_translations_keep_every_placeholder() -> None:
    for entry in _po_entries(PO.read_text(encoding="utf-8")):
        assert sorted(PLACEHOLDER.findall(entry["msgstr"])) == sorted(PLACEHOLDER.findall(entry["msgid"])), entry


def test_the_compiled_catalogue_is_the_source_compiled() -> None:
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    entries = _po_entries(PO.read_text(encoding="utf-8"))
    assert {e["msgid"]: compiled.gettext(e["msgid"]) for e in entries} == {e["msgid"]: e["msgstr"] for e in entries}
    assert len(compiled._catalog) - 1 == len(entries)  # type: ignore[attr-defined]  # nothing else (the header)


def test_the_cli_speaks_the_locale_and_lang_overrides_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "x.png"
    def error(*words: str, lang: str) -> str:
        env = {"LANG": lang, "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)}
        done = subprocess.run([sys.executable, "-m", "playground", *words], capture_output=True, text=True,
                              env=env, cwd=REPO)
        assert done.returncode == 2, done.stderr
        return done.stderr
    assert "不存在" in error("--screenshot", str(missing), lang="zh_CN.UTF-8")
    assert "does not exist" in error("--screenshot", str(missing), lang="en_US.UTF-8")
    assert "不存在" in error("gui", "--lang", "zh_CN", "--screenshot", str(missing), lang="en_US.UTF-8")


def test_every_sub_command_takes_lang_after_its_name() -> None:
    env = {"LANG": "en_US.UTF-8", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "playground", "summary", "--lang", "zh_CN",
                           str(REPO / "examples" / "lenet5.json")], capture_output=True, text=True, env=env, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert "参数量" in done.stdout
