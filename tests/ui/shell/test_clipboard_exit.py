"""A block copied to the clipboard must not crash the process when it exits."""

import subprocess
import sys
import textwrap


def test_process_with_a_copied_block_exits_cleanly() -> None:
    script = textwrap.dedent("""
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from playground.core.design import new_block
        from playground.ui.shell.app import create_application
        from playground.ui.widgets.mime import block_from_text, block_mime
        app = create_application()
        app.clipboard().setMimeData(block_mime(new_block("Conv2d")))
        app.aboutToQuit.emit()  # what QApplication.exec() emits as the window closes
        assert block_from_text(app.clipboard().text()).type == "Conv2d"
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
