"""Digit preprocessing: a drawing or photo -> the 28x28 input, as MNIST was made."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from playground import paths
from playground.core.digit import (
    BOX, CENTRE, DigitImageError, DigitPreprocessor, centre_of_mass, ink_levels, load_digit, load_image, to_mnist)


def ink_box(digit: torch.Tensor, threshold: float = 0.1) -> tuple[int, int]:
    """(height, width) of the pixels above `threshold`."""
    mask = digit[0] > threshold
    rows = torch.nonzero(mask.any(1)).flatten()
    cols = torch.nonzero(mask.any(0)).flatten()
    return int(rows[-1] - rows[0] + 1), int(cols[-1] - cols[0] + 1)


def canvas_with_rect(top: int, left: int, height: int, width: int, side: int = 280) -> np.ndarray:
    image = np.zeros((side, side), np.uint8)
    image[top:top + height, left:left + width] = 255
    return image


def mnist_digits(count: int) -> tuple[np.ndarray, np.ndarray]:
    with np.load(paths.embedded_mnist_path()) as data:
        return data["images"][-count:], data["labels"][-count:]


def test_output_is_a_1x28x28_float_tensor_in_unit_range() -> None:
    digit = to_mnist(canvas_with_rect(40, 100, 200, 30))
    assert digit is not None
    assert digit.shape == (1, 28, 28) and digit.dtype == torch.float32
    assert float(digit.min()) >= 0.0 and float(digit.max()) <= 1.0
    assert float(digit.max()) == pytest.approx(1.0, abs=0.02)


@settings(max_examples=40, deadline=None)
@given(top=st.integers(0, 200), left=st.integers(0, 200), height=st.integers(10, 80), width=st.integers(10, 80))
def test_centre_of_mass_lands_within_one_pixel_of_the_centre(top: int, left: int, height: int, width: int) -> None:
    digit = to_mnist(canvas_with_rect(top, left, height, width))
    assert digit is not None
    row, col = centre_of_mass(digit)
    assert abs(row - CENTRE) <= 1.0 and abs(col - CENTRE) <= 1.0


def test_centre_of_mass_of_a_seven_is_centred_not_its_box() -> None:
    """A 7: top bar and a stem, strokes 20 px wide. Its box is not centred; its mass is."""
    image = np.zeros((280, 280), np.uint8)
    image[40:60, 60:220] = 255  # bar
    image[60:240, 190:210] = 255  # stem
    digit = to_mnist(image)
    assert digit is not None
    row, col = centre_of_mass(digit)
    assert abs(row - CENTRE) <= 1.0 and abs(col - CENTRE) <= 1.0
    top_row = int(torch.nonzero(digit[0].sum(1)).min())
    assert top_row > 4  # the box moved up/down to put the mass, not the box, in the middle


def test_a_very_lopsided_shape_keeps_all_its_ink_inside_the_field() -> None:
    """A shape whose mass sits near its edge would be pushed out of the 28x28 field to
    centre its mass; the box is stopped at the border instead, so no ink is cut off."""
    image = np.zeros((280, 280), np.uint8)
    image[40:90, 40:240] = 255  # a heavy bar
    image[90:240, 185:195] = 255  # a hairline stem
    digit = to_mnist(image)
    assert digit is not None
    rows = torch.nonzero(digit[0].sum(1)).flatten()
    assert int(rows.max() - rows.min()) + 1 >= BOX  # the whole 20 px box is there


@pytest.mark.parametrize("height, width", [(200, 100), (100, 200), (160, 40), (60, 240)])
def test_longer_side_becomes_20_pixels_and_aspect_is_kept(height: int, width: int) -> None:
    digit = to_mnist(canvas_with_rect(10, 20, height, width))
    assert digit is not None
    out_h, out_w = ink_box(digit, threshold=0.5)
    assert max(out_h, out_w) == BOX
    assert out_h / out_w == pytest.approx(height / width, rel=0.12)


def test_black_on_white_gives_the_same_input_as_white_on_black() -> None:
    white_on_black = canvas_with_rect(50, 60, 150, 40)
    black_on_white = 255 - white_on_black
    a, b = to_mnist(white_on_black), to_mnist(black_on_white)
    assert a is not None and b is not None
    assert torch.allclose(a, b, atol=1e-6)


def test_polarity_can_be_given_instead_of_detected() -> None:
    black_on_white = 255 - canvas_with_rect(50, 60, 150, 40)
    assert torch.allclose(to_mnist(black_on_white, ink_dark=True), to_mnist(black_on_white))


def test_grey_paper_photo_is_normalised_to_full_contrast() -> None:
    """Dark grey ink on light grey paper, as a phone photo of a pencil digit."""
    photo = np.full((120, 90), 200, np.uint8)
    photo[20:100, 40:52] = 90
    digit = to_mnist(photo)
    assert digit is not None
    assert float(digit.max()) == pytest.approx(1.0, abs=0.02)
    assert float(digit[0, :3].max()) == 0.0  # the paper became black


def test_rgb_and_rgba_inputs_match_grey() -> None:
    grey = 255 - canvas_with_rect(30, 80, 180, 60, side=240)
    rgb = np.repeat(grey[:, :, None], 3, axis=2)
    ink = grey < 128
    transparent = np.zeros((240, 240, 4), np.uint8)  # black ink on a transparent background
    transparent[:, :, 3] = np.where(ink, 255, 0)
    expected = to_mnist(grey)
    assert torch.allclose(to_mnist(rgb), expected, atol=1e-5)
    assert torch.allclose(to_mnist(transparent), expected, atol=1e-5)


def test_float_input_in_unit_range_is_accepted() -> None:
    image = canvas_with_rect(30, 80, 180, 60).astype(np.float32) / 255.0
    assert torch.allclose(to_mnist(image), to_mnist(canvas_with_rect(30, 80, 180, 60)), atol=1e-6)


@pytest.mark.parametrize("image", [
    np.zeros((280, 280), np.uint8),
    np.full((280, 280), 255, np.uint8),
    np.full((50, 70, 3), 128, np.uint8),
    np.random.default_rng(0).integers(0, 12, (100, 100)).astype(np.uint8),  # faint sensor noise
])
def test_blank_images_give_none(image: np.ndarray) -> None:
    assert to_mnist(image) is None


def test_input_array_is_not_modified_and_results_do_not_alias() -> None:
    preprocess = DigitPreprocessor()
    first_image = canvas_with_rect(40, 40, 100, 100)
    kept = first_image.copy()
    first = preprocess(first_image)
    second = preprocess(canvas_with_rect(40, 100, 200, 20))
    assert np.array_equal(first_image, kept)
    assert first is not None and second is not None
    assert not torch.equal(first, second)
    assert first.data_ptr() != second.data_ptr()


def test_mnist_digits_survive_a_round_trip_through_a_big_canvas() -> None:
    """Upscaled 10x and preprocessed again, MNIST's own digits come back almost unchanged."""
    images, _ = mnist_digits(50)
    differences = []
    for image in images:
        big = np.asarray(Image.fromarray(image).resize((280, 280), Image.Resampling.BILINEAR))
        digit = to_mnist(big)
        assert digit is not None
        differences.append(float((digit[0] - torch.from_numpy(image / 255.0).float()).abs().mean()))
    assert float(np.mean(differences)) < 0.05


def test_mnist_digits_have_their_mass_where_the_preprocessing_puts_it() -> None:
    images, _ = mnist_digits(200)
    centres = np.array([centre_of_mass(torch.from_numpy(image).float()) for image in images])
    assert np.allclose(centres.mean(0), CENTRE, atol=0.15)


def test_ink_levels_keep_size_and_flip_polarity() -> None:
    black_on_white = 255 - canvas_with_rect(10, 10, 30, 30, side=64)
    ink = ink_levels(black_on_white)
    assert ink is not None and ink.shape == (64, 64)
    assert ink[20, 20] == pytest.approx(1.0) and ink[0, 0] == 0.0
    assert ink_levels(np.zeros((8, 8), np.uint8)) is None


def test_load_image_reads_files_and_load_digit_preprocesses_them(tmp_path) -> None:
    images, labels = mnist_digits(1)
    path = tmp_path / "digit.png"
    Image.fromarray(255 - images[0]).save(path)
    assert load_image(path).shape == (28, 28)
    digit = load_digit(path)
    assert digit is not None and digit.shape == (1, 28, 28)


def truncated_png() -> bytes:
    import io
    buffer = io.BytesIO()
    Image.fromarray(np.random.default_rng(1).integers(0, 255, (64, 64)).astype(np.uint8)).save(buffer, "PNG")
    return buffer.getvalue()[:200]


@pytest.mark.parametrize("content, expected", [
    (None, "no such file"),
    (b"not an image", "not an image file"),
    ("truncated", "cannot read image"),
])
def test_unreadable_files_give_one_line_naming_the_file(tmp_path, content: bytes | str | None, expected: str) -> None:
    path = tmp_path / "broken.png"
    if content is not None:
        path.write_bytes(truncated_png() if content == "truncated" else content)
    with pytest.raises(DigitImageError) as info:
        load_image(path)
    message = str(info.value)
    assert str(path) in message and expected in message and "\n" not in message


def test_a_folder_is_not_an_image(tmp_path) -> None:
    with pytest.raises(DigitImageError, match="folder"):
        load_image(tmp_path)


def test_bad_array_shapes_are_refused() -> None:
    with pytest.raises(ValueError, match="HxW"):
        to_mnist(np.zeros((4, 4, 5), np.uint8))
    with pytest.raises(ValueError, match="empty"):
        to_mnist(np.zeros((0, 4), np.uint8))


def test_repeated_calls_reuse_the_full_size_buffers() -> None:
    """A canvas is preprocessed many times a second: after the first call (which makes
    the mask buffer) only the crop and small bookkeeping arrays are allocated, never a
    full-size buffer."""
    import tracemalloc

    canvas = np.zeros((280, 280, 4), np.uint8)  # the canvas's RGB32 buffer, read as a strided grey view
    canvas[40:240, 120:150] = 255
    grey_view = canvas[:, :, 0]
    preprocess = DigitPreprocessor()
    tracemalloc.start()
    try:
        peaks = []
        for _ in range(2):
            before, _ = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            preprocess(grey_view)
            peaks.append(tracemalloc.get_traced_memory()[1] - before)
    finally:
        tracemalloc.stop()
    full_float_buffer = 280 * 280 * 4
    assert peaks[1] < peaks[0]
    assert peaks[1] < full_float_buffer // 4
