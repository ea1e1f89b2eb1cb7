"""The language of core's messages, through the standard library's gettext (no Qt here).

Core's text reaches people in the window (block errors, layer explanations, the trainer's
advice) and on the terminal (summary tables, progress lines). Messages are written in
English and looked up in `resources/locale/<lang>/LC_MESSAGES/cnn_playground.mo`:

    from playground.core.i18n import _, N_
    raise DesignError(_("kernel {kernel} is larger than its padded input {size}").format(...))
    EXPLANATION = N_("Slides small filters over the image ...")   # a constant, marked
    shown = _(EXPLANATION)                                          # translated where shown

Placeholders are named, so a translation may put them in another order. The language is
one setting of the process: the CLI takes it from the environment (LANG and friends), the
window from its own setting, and `set_language` switches it at any time (later calls of
`_` answer in the new language).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

from playground import paths

DOMAIN = "cnn_playground"
ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)
LANGUAGE_NAMES = {ENGLISH: "English", CHINESE: "简体中文"}  # each in its own language
_ENV_NAMES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_language = ENGLISH
_catalogue: gettext.NullTranslations = gettext.NullTranslations()


def locale_dir() -> Path:
    """The folder of the compiled gettext catalogues (<lang>/LC_MESSAGES/cnn_playground.mo)."""
    return paths.resources_dir() / "locale"


def normalize_language(name: str | None) -> str:
    """"zh_CN.UTF-8", "zh-cn", "zh" -> "zh_CN"; anything else (also "C", "") -> "en"."""
    return CHINESE if name and name.strip().lower().startswith("zh") else ENGLISH


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the locale asks for, in gettext's order of precedence: LANGUAGE (its
    first entry), LC_ALL, LC_MESSAGES, LANG. Chinese when it is any zh locale, else English."""
    env = os.environ if environ is None else environ
    for name in _ENV_NAMES:
        value = env.get(name, "")
        if name == "LANGUAGE":
            value = value.split(":")[0]
        if value:
            return normalize_language(value)
    return ENGLISH


def set_language(language: str | None) -> str:
    """Answer in `language` ("en" or "zh_CN"; None: from the environment) from now on, and
    return the language chosen. A missing catalogue falls back to English."""
    global _language, _catalogue
    chosen = language_from_environment() if language is None else normalize_language(language)
    if chosen == ENGLISH:
        _catalogue = gettext.NullTranslations()
    else:
        _catalogue = gettext.translation(DOMAIN, localedir=str(locale_dir()), languages=[chosen], fallback=True)
    _language = chosen
    return chosen


def current_language() -> str:
    """"en" or "zh_CN": the language `_` answers in."""
    return _language


def _(message: str) -> str:
    """`message` in the current language (itself when it has no translation)."""
    return _catalogue.gettext(message) if message else message


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "mark only"
    """Marks a constant for the catalogue without translating it; show it with `_(constant)`."""
    return message
