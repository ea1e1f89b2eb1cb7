"""Results of an epoch: confusion matrix clicks, per-class accuracy, the gallery (the runs view: test_runs_view.py)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from playground.core.events import WorstExample
from playground.ui.train.results_view import ConfusionMatrixView, ResultsView, thumbnail

NAMES = [str(i) for i in range(10)]


@pytest.fixture
def evaluation():
    """A made-up evaluation of 200 images: 12 fours taken for nines, a few other slips."""
    rng = np.random.default_rng(0)
    true = np.repeat(np.arange(10), 20)
    pred = true.copy()
    fours = np.flatnonzero(true == 4)[:12]
    pred[fours] = 9
    pred[np.flatnonzero(true == 7)[:3]] = 1
    confusion = np.zeros((10, 10), dtype=np.int64)
    np.add.at(confusion, (true, pred), 1)
    per_class = confusion.diagonal() / confusion.sum(axis=1)
    images = rng.integers(0, 256, size=(200, 1, 28, 28), dtype=np.uint8)
    worst = tuple(WorstExample(int(i), 4, 9, 0.9 - 0.01 * k) for k, i in enumerate(fours[:5]))
    return confusion, per_class, true, pred, worst, images


def show(view: ResultsView, evaluation) -> None:
    confusion, per_class, true, pred, worst, images = evaluation
    view.show_results(confusion, per_class, true, pred, worst, lambda i: images[i], NAMES)


def test_matrix_and_bars_show_the_evaluation(qtbot, evaluation):
    view = ResultsView()
    qtbot.addWidget(view)
    show(view, evaluation)
    assert np.array_equal(view.matrix_view.matrix, evaluation[0])
    assert view.accuracy_view.accuracy[4] == pytest.approx(8 / 20)
    assert view.gallery.count() == 5  # the worst examples
    assert view.gallery.title.text() == "Most confidently wrong"


def test_clicking_a_cell_shows_the_images_behind_it(qtbot, evaluation):
    view = ResultsView()
    qtbot.addWidget(view)
    view.resize(800, 500)
    show(view, evaluation)
    view.show()
    qtbot.waitExposed(view)
    centre = view.matrix_view.cell_rect(4, 9).center().toPoint()
    with qtbot.waitSignal(view.matrix_view.cellClicked) as clicked:
        qtbot.mouseClick(view.matrix_view, Qt.MouseButton.LeftButton, pos=centre)
    assert clicked.args == [4, 9]
    assert view.gallery.count() == 12
    assert view.gallery.title.text() == "true 4, predicted 9: these twelve"
    shown = {view.gallery.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(12)}
    assert shown == set(np.flatnonzero((evaluation[2] == 4) & (evaluation[3] == 9)).tolist())
    assert view.gallery.back_button.isVisible()
    qtbot.mouseClick(view.gallery.back_button, Qt.MouseButton.LeftButton)
    assert view.gallery.count() == 5 and view.matrix_view.selected is None


def test_a_new_epoch_keeps_the_selected_cell(qtbot, evaluation):
    view = ResultsView()
    qtbot.addWidget(view)
    show(view, evaluation)
    view.show_cell(7, 1)
    assert view.gallery.count() == 3
    show(view, evaluation)
    assert view.matrix_view.selected == (7, 1) and view.gallery.count() == 3


def test_an_empty_cell_says_so(qtbot, evaluation):
    view = ResultsView()
    qtbot.addWidget(view)
    show(view, evaluation)
    view.show_cell(0, 5)
    assert view.gallery.count() == 0
    assert view.gallery.title.text() == "true 0, predicted 5: none"


def test_hover_text_describes_the_cell(qtbot, evaluation):
    matrix = ConfusionMatrixView()
    qtbot.addWidget(matrix)
    matrix.set_matrix(evaluation[0], NAMES)
    assert matrix.describe(4, 9) == "true 4, predicted 9: 12 images (60.0% of true 4)"
    assert matrix.describe(3, 3).startswith("true 3, predicted correctly: 20 images")


def test_matrix_must_be_square(qtbot):
    matrix = ConfusionMatrixView()
    qtbot.addWidget(matrix)
    with pytest.raises(ValueError, match="square"):
        matrix.set_matrix(np.zeros((2, 3)), ["a", "b"])


def test_thumbnails_of_grey_and_colour_images():
    grey = thumbnail(np.full((1, 28, 28), 200, dtype=np.uint8))
    colour = thumbnail(np.zeros((3, 32, 32), dtype=np.uint8))
    assert (grey.width(), grey.height()) == (56, 56)
    assert (colour.width(), colour.height()) == (64, 64)
    assert grey.toImage().pixelColor(10, 10).red() == 200
