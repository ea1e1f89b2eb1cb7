"""The Runs tab over the run history: every run (this window's, earlier launches', the
CLI's), sorted and filtered by the store, scatter and curves, and the per-run commands."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from playground.core.design import design_from_dict, design_to_json
from playground.core.runs import FINISHED, EpochRecord, RunStore, default_path
from playground.ui.state.active_model import ModelHub
from playground.ui.train.runs_view import RunsView

DESIGN = {
    "format": "cnn-playground.design", "version": 1, "name": "Tiny CNN", "input": [1, 28, 28],
    "layers": [{"type": "Flatten"}, {"type": "Linear", "out_features": 10}],
}
DAY = 24 * 3600.0
Yes = QMessageBox.StandardButton.Yes


def add_run(store: RunStore, design_name: str, dataset: str = "embedded MNIST", *, params: int = 1000,
            macs: int = 1000, accs: tuple[float, ...] = (0.5, 0.8), started_at: float | None = None) -> int:
    design = design_from_dict({**DESIGN, "name": design_name})
    run_id = store.start_run(design_json=design_to_json(design), design_name=design_name, dataset=dataset,
                             settings={"epochs": len(accs)}, params=params, macs=macs, source="cli",
                             started_at=started_at)
    for epoch, acc in enumerate(accs, 1):
        store.record_epoch(run_id, EpochRecord(epoch, 1.0 / epoch, acc, 1.2 / epoch, acc, 1e-3, 2.0))
    store.finish(run_id, FINISHED, duration_s=42.0)
    return run_id


@pytest.fixture
def store():
    with RunStore(default_path()) as opened:  # CNN_PLAYGROUND_DATA: a temporary folder (conftest)
        yield opened


def open_view(qtbot, hub: ModelHub | None = None) -> RunsView:
    view = RunsView(hub)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    with qtbot.waitSignal(view.storeReady, timeout=10_000):
        view.show()  # the tab's first showing opens the store in the background
    return view


def cells(view: RunsView, column: int) -> list[str]:
    return [view.model.index(row, column).data() for row in range(view.model.rowCount())]


def select_rows(view: RunsView, *rows: int) -> None:
    view.table.clearSelection()
    for row in rows:
        view.table.selectionModel().select(view.model.index(row, 0), view.table.selectionModel().SelectionFlag.Select
                                           | view.table.selectionModel().SelectionFlag.Rows)


def test_runs_show_with_compact_numbers_and_sort_by_the_numbers(qtbot, store):
    add_run(store, "AlexNet", params=61_100_840, macs=999, accs=(0.981,), started_at=time.time() - 60)
    add_run(store, "Tiny", params=999, macs=61_100_840, accs=(0.91,))
    view = open_view(qtbot)
    assert view.model.rowCount() == 2 and view.count_label.text() == "2 runs"
    assert cells(view, 2) == ["Tiny", "AlexNet"]  # newest first
    assert cells(view, 4) == ["999", "61.1M"] and cells(view, 5) == ["61.1M", "999"]
    assert cells(view, 6) == ["91.00%", "98.10%"] and cells(view, 8) == ["42.0 s", "42.0 s"]
    assert view.model.index(1, 4).data(Qt.ItemDataRole.ToolTipRole) == "61,100,840 parameters"
    view.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    assert cells(view, 2) == ["Tiny", "AlexNet"]  # 999 before 61.1M: by the number, not the text
    view.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert cells(view, 2) == ["AlexNet", "Tiny"]
    assert view.scatter.point_count() == 2


def test_a_hidden_scatter_is_drawn_when_shown(qtbot, store):
    view = RunsView()
    qtbot.addWidget(view)
    view.open_store()
    with qtbot.waitSignal(view.storeReady, timeout=10_000):
        pass
    add_run(store, "LeNet-5")
    view.refresh()
    assert view.model.rowCount() == 1
    assert view.scatter.point_count() == 0  # not shown yet: nothing drawn
    view.show()
    qtbot.waitExposed(view)
    assert view.scatter.point_count() == 1


def test_filters_by_name_dataset_and_date(qtbot, store):
    add_run(store, "LeNet-5", "embedded MNIST")
    add_run(store, "VGG mini", "CIFAR-10")
    add_run(store, "LeNet wide", "CIFAR-10", started_at=time.time() - 10 * DAY)
    view = open_view(qtbot)
    assert view.model.rowCount() == 3
    view.filter_edit.setText("lenet")
    assert sorted(cells(view, 2)) == ["LeNet wide", "LeNet-5"]
    view.dataset_combo.setCurrentIndex(view.dataset_combo.findData("CIFAR-10"))
    assert cells(view, 2) == ["LeNet wide"]
    view.filter_edit.clear()
    assert sorted(cells(view, 2)) == ["LeNet wide", "VGG mini"]
    view.date_combo.setCurrentIndex(view.date_combo.findData("week"))
    assert cells(view, 2) == ["VGG mini"] and view.count_label.text() == "1 run"
    assert view.scatter.point_count() == 1  # the scatter shows what the filter lets through


def test_rename_note_and_delete_with_a_confirmation(qtbot, store, monkeypatch, message_boxes):
    first = add_run(store, "LeNet-5", started_at=time.time() - 60)
    second = add_run(store, "VGG mini")
    view = open_view(qtbot)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("baseline", True)))
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: ("BatchNorm helped", True)))
    select_rows(view, 1)
    assert view.selected_runs() == [first]
    qtbot.mouseClick(view.rename_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.note_button, Qt.MouseButton.LeftButton)
    assert store.get(first).summary.name == "baseline" and store.get(first).summary.note == "BatchNorm helped"
    assert cells(view, 1) == ["VGG mini", "baseline"] and cells(view, 11)[1] == "BatchNorm helped"
    assert view.selected_runs() == [first]  # the edited run stays selected
    # In place too: the name cell is editable and writes to the store.
    assert view.model.setData(view.model.index(0, 1), "wide")
    assert store.get(second).summary.name == "wide"

    select_rows(view, 0, 1)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)  # answered No: nothing goes
    assert "2 runs" in message_boxes.texts()[-1] and view.model.rowCount() == 2
    message_boxes.answers.append(Yes)
    select_rows(view, 0)
    assert view.delete_selected() == 1
    assert store.count() == 1 and cells(view, 1) == ["baseline"]


def test_selected_runs_overlay_their_curves_and_open_their_design(qtbot, store):
    a = add_run(store, "LeNet-5", accs=(0.5, 0.7, 0.9), started_at=time.time() - 60)
    b = add_run(store, "VGG mini", accs=(0.6, 0.8))
    view = open_view(qtbot)
    select_rows(view, 0, 1)
    assert view.curves.shown == [b, a]
    assert len(view.curves.acc_plot.getPlotItem().listDataItems()) == 2
    assert len(view.curves.loss_plot.getPlotItem().listDataItems()) == 4  # validation and training loss
    assert not view.open_button.isEnabled()  # one design at a time
    select_rows(view, 1)
    with qtbot.waitSignal(view.openDesignRequested) as opened:
        qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert opened.args[0].name == "LeNet-5"
    assert view.select_run(b) and view.selected_runs() == [b]  # a scatter click selects the run


def test_a_runs_checkpoint_loads_as_the_active_model(qtbot, store, tmp_path):
    from playground.core.checkpoint import save_checkpoint
    from playground.core.builder import build_model
    from playground.core.datasets import DatasetInfo

    design = design_from_dict(DESIGN)
    path = tmp_path / "tiny.pt"
    save_checkpoint(path, design, build_model(design), {}, {"val_acc": 0.5}, DatasetInfo("digits", (1, 28, 28), tuple("0123456789"), (0.13,), (0.31,)))
    run_id = add_run(store, "Tiny CNN")
    store.set_checkpoint(run_id, path)
    hub = ModelHub()
    view = open_view(qtbot, hub)
    select_rows(view, 0)
    assert view.load_button.isEnabled()
    qtbot.mouseClick(view.load_button, Qt.MouseButton.LeftButton)
    assert hub.active is not None and hub.active.design.name == "Tiny CNN"


def test_a_damaged_history_says_so_and_starts_afresh(qtbot):
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a SQLite database" * 100)
    view = open_view(qtbot)
    assert view.message_label.isVisible() and "damaged" in view.message_label.text()
    assert view.model.rowCount() == 0 and view.store is not None


def test_two_thousand_runs_scroll_without_a_widget_per_row(qtbot, store):
    now = time.time()
    for i in range(2000):
        add_run(store, f"Net {i}", accs=(0.5 + i / 10_000,), started_at=now - i)
    view = open_view(qtbot)
    widgets_before = len(view.findChildren(QWidget))
    assert view.model.rowCount() == 2000 and view.count_label.text() == "2,000 runs"
    fetched = view.model.pages_fetched
    assert fetched <= 2  # the visible page, not all ten
    view.table.scrollToBottom()
    qtbot.wait(50)
    assert view.table.rowAt(view.table.viewport().height() - 2) in (1999, -1)
    assert view.model.index(1999, 2).data() == "Net 0"  # newest (highest id) first
    assert view.model.pages_fetched - fetched <= 2  # the last page, fetched on demand
    assert len(view.findChildren(QWidget)) == widgets_before  # rows are painted, not built
    assert view.scatter.point_count() == 2000


def test_a_window_training_is_recorded_and_shows_in_the_runs_tab(qtbot, store):
    from playground.ui.state.document import DesignDocument
    from playground.ui.train.training_panel import TrainingPanel

    tiny = {**DESIGN, "layers": [{"type": "Conv2d", "out_channels": 2, "kernel_size": 3}, {"type": "Flatten"},
                                 {"type": "Linear", "out_features": 10}]}
    panel = TrainingPanel(DesignDocument(design_from_dict(tiny)), ModelHub())
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: not panel.picker.busy and panel.train_button.isEnabled(), timeout=10_000)
    panel.settings.max_train.setValue(128)
    panel.settings.epochs.setValue(1)
    panel.tabs.setCurrentWidget(panel.runs)
    qtbot.waitUntil(lambda: panel.runs.store is not None, timeout=10_000)
    with qtbot.waitSignal(panel.trainingFinished, timeout=60_000):
        panel.train_button.click()
    runs = store.list()
    assert [(r.design_name, r.status, r.source, r.epochs_done) for r in runs] == [("Tiny CNN", "finished", "window", 1)]
    assert panel.runs.model.rowCount() == 1
    assert cells(panel.runs, 2) == ["Tiny CNN"] and cells(panel.runs, 10) == ["finished"]
    panel.shutdown()
