"""Training evidence for lessons: a trained active model counts; an untrained one does not."""

from __future__ import annotations

from dataclasses import replace

from playground.core.builder import build_model
from playground.core.lessons import check_design, get_lesson
from playground.ui.lessons.trained_runs import TrainedRuns
from playground.ui.state.active_model import ActiveModel, ModelHub


def test_a_loaded_trained_model_is_evidence_and_an_untrained_one_is_not(qtbot) -> None:
    lesson = get_lesson("plain_vs_residual")
    hub = ModelHub()
    evidence = TrainedRuns(hub=hub)
    seen: list[bool] = []
    evidence.changed.connect(lambda: seen.append(True))
    untrained = ActiveModel(lesson.start, build_model(lesson.start), "untrained", trained=False)
    hub.set_active(untrained)
    assert evidence.runs() == [] and not seen
    assert check_design(lesson, lesson.start, runs=evidence.runs()).parts_solved == 0

    metrics = {"epochs_done": 1, "best_val_acc": 0.91, "val_acc": 0.91}
    hub.set_active(replace(untrained, source="plain.pt", trained=True, metrics=metrics))
    assert seen and [run.metrics for run in evidence.runs()] == [metrics]
    result = check_design(lesson, lesson.start, runs=evidence.runs())
    assert result.parts_solved == 1 and not result.solved  # part 1 (train the plain one) is done
    assert evidence.session_run_count() == 0  # not trained in this window
    hub.set_active(None)
    assert evidence.runs() == []
