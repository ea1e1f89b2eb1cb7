#!/usr/bin/env bash
# Refresh both translation catalogues from the sources, then compile them.
#
#   bash resources/translations/update.sh
#
# Qt (the window): pyside6-lupdate reads every tr()/translate()/QT_TRANSLATE_NOOP string of
# playground/ui into cnn_playground_zh_CN.ts (Qt Linguist opens it); pyside6-lrelease
# compiles it to the .qm the app loads. gettext (playground/core, the CLI): xgettext reads
# every _()/N_() string into a template, msgmerge brings the .po up to date, msgfmt
# compiles the .mo. Translate the new entries (Qt Linguist or an editor for the .ts, any
# PO editor for the .po), following GLOSSARY.md, and run this again. Both compiled files
# are committed, so `pip install` needs neither tool; tests fail when a catalogue has an
# untranslated or obsolete entry or its compiled file is out of date.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(dirname "$(command -v python)")
[ -x .venv/bin/pyside6-lupdate ] && bin=.venv/bin
ts=resources/translations/cnn_playground_zh_CN.ts
po=resources/locale/zh_CN/LC_MESSAGES/cnn_playground.po
mo=${po%.po}.mo

mapfile -t ui_sources < <(git ls-files --cached --others --exclude-standard 'playground/ui/*.py' | sort)
"$bin/pyside6-lupdate" -no-obsolete -locations none -target-language zh_CN "${ui_sources[@]}" -ts "$ts"
"$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"

mapfile -t core_sources < <(git ls-files --cached --others --exclude-standard 'playground/*.py' ':!playground/ui/*' | sort)
pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot"' EXIT
xgettext --language=Python --from-code=UTF-8 --keyword=_ --keyword=N_ --add-comments=Translators: --add-location=file \
  --force-po --no-wrap --sort-by-file --package-name=cnn-playground --output="$pot" "${core_sources[@]}"
if [ -f "$po" ]; then
  msgmerge --quiet --no-wrap --no-fuzzy-matching --add-location=file --update --backup=none "$po" "$pot"
  msgattrib --no-obsolete --no-wrap --add-location=file --output-file="$po" "$po"
else
  msginit --no-translator --no-wrap --locale=zh_CN.UTF-8 --input="$pot" --output-file="$po"
  sed -i 's/charset=ASCII/charset=UTF-8/' "$po"
fi
sed -i '/^"POT-Creation-Date: /d' "$po"  # no date churn: the file changes only when a message does
msgfmt --check --output-file="$mo" "$po"
