"""Render the README's animated GIF of the kernel sliding over a digit, with the app's own view.

It opens the real KernelSlidePage offscreen on the shipped pretrained model (or, without
it, a 5x5 edge filter), shows it an embedded MNIST digit, and grabs frames: a few single
steps across the digit, then a fast run that fills the rest of the output map.

    .venv/bin/python scripts/render_slide_frames.py [--out docs/kernel_slide.gif]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from playground import paths  # noqa: E402
from playground.core.checkpoint import CheckpointError, load_default_checkpoint  # noqa: E402
from playground.ui.slide.slide_page import KernelSlidePage  # noqa: E402
from playground.ui.state.active_model import ActiveModel, ModelHub  # noqa: E402

MAX_BYTES = 2_000_000


def edge_filter() -> nn.Conv2d:
    """A 5x5 vertical-edge filter, for when the pretrained model is not there."""
    conv = nn.Conv2d(1, 1, 5, padding=2)
    smooth = torch.tensor([1.0, 2.0, 3.0, 2.0, 1.0])
    slope = torch.tensor([-1.0, -2.0, 0.0, 2.0, 1.0])
    with torch.no_grad():
        conv.weight.copy_(torch.outer(smooth, slope) / 20)  # smooth down the rows, differentiate across
        conv.bias.fill_(0.0)
    return conv


def to_pil(image: QImage) -> Image.Image:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), np.uint8, image.bytesPerLine() * height)
    rows = data.reshape(height, image.bytesPerLine())[:, :3 * width]
    return Image.fromarray(rows.reshape(height, width, 3).copy())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/kernel_slide.gif"))
    parser.add_argument("--digit", type=int, default=7, help="index into the embedded MNIST digits")
    parser.add_argument("--channel", type=int, default=None, help="output channel (default: the most varied)")
    parser.add_argument("--size", default="1280x560", help="view size WxH in pixels")
    args = parser.parse_args()
    torch.set_num_threads(1)
    width, height = (int(v) for v in args.size.split("x"))
    app = QApplication.instance() or QApplication([])
    image = np.load(paths.embedded_mnist_path())["images"][args.digit]
    digit = torch.from_numpy(image.astype(np.float32) / 255.0)[None]

    hub = ModelHub()
    view = KernelSlidePage(hub)
    view.resize(width, height)
    view.show()
    try:
        checkpoint = load_default_checkpoint()
        hub.set_active(ActiveModel.from_checkpoint(checkpoint, "pretrained default"))
        view.set_input(digit)
    except (CheckpointError, FileNotFoundError) as error:
        print(f"no pretrained model ({error}); using a 5x5 edge filter", file=sys.stderr)
        view.set_source(edge_filter(), (digit - 0.1307) / 0.3081, "a 5x5 edge filter")
    sliding = view.sliding
    channel = args.channel
    if channel is None:  # the channel whose map varies most shows the digit best
        spreads = [np.ptp(sliding.channel(c).output_map()) for c in range(sliding.out_channels)]
        channel = int(np.argmax(spreads))
    view.out_channel_spin.setValue(channel)
    app.processEvents()

    _, out_w = view.channel_view.shape
    last = len(view.channel_view) - 1
    start = 7 * out_w + 5  # row 7: the window meets the top of the digit
    slow = list(range(start, start + 10))
    fast = list(range(start + 10, last, 11)) + [last]
    frames, durations = [], []
    view.play()  # the controls show what they show during playback; frames are grabbed by hand
    view.set_position(slow[0])
    for position, duration in [(p, 420) for p in slow] + [(p, 70) for p in fast]:
        view.set_position(position)
        frames.append(to_pil(view.grab().toImage()))
        durations.append(duration)
    view.pause()
    frames[-1] = to_pil(view.grab().toImage())  # the end: playback stopped, the map complete
    durations[-1] = 2500
    palette_source = Image.fromarray(np.vstack([np.asarray(f) for f in frames[::8]]))
    palette = palette_source.quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    indexed = [f.quantize(palette=palette, dither=Image.Dither.NONE) for f in frames]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp.gif")
    indexed[0].save(tmp, save_all=True, append_images=indexed[1:], duration=durations, loop=0, optimize=True,
                    disposal=1)
    size = tmp.stat().st_size
    if size > MAX_BYTES:
        tmp.unlink()
        print(f"the GIF would be {size / 1e6:.1f} MB, over the {MAX_BYTES / 1e6:.0f} MB limit; try a smaller --size",
              file=sys.stderr)
        return 1
    tmp.replace(args.out)
    print(f"wrote {args.out}: {len(frames)} frames, {width}x{height}, {size / 1e6:.2f} MB (output channel {channel})")
    view.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
