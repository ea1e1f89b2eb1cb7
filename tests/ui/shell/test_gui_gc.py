"""Garbage collection stays on the GUI thread while the app runs."""

from __future__ import annotations

import gc

from PySide6.QtWidgets import QWidget

from playground.ui.shell.gui_gc import GuiThreadCollector


class _Cycle(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.me = self  # a reference cycle: only the cycle collector frees it


def test_the_collector_turns_automatic_collection_off_and_collects_when_due(qapp) -> None:
    was_enabled = gc.isenabled()
    collector = GuiThreadCollector(qapp, interval_ms=50)
    try:
        assert not gc.isenabled()
        gc.collect()
        _Cycle()  # garbage at once, freed by nobody until the collector runs
        allocated = [[] for _ in range(gc.get_threshold()[0] + 1)]  # past the first threshold
        assert collector.collect_due() >= 1
        assert collector.collect_due() == 0  # nothing is due right after a collection
        del allocated
    finally:
        collector.uninstall()
        collector.setParent(None)
    assert gc.isenabled() == was_enabled


def test_the_application_installs_one_collector(qapp) -> None:
    from playground.ui.shell.app import create_application

    app = create_application()
    create_application()
    assert len(app.findChildren(GuiThreadCollector)) == 1  # the tests' own, or one made here
