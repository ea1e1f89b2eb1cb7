"""Unpacking the dataset archives a person downloads or places by hand, and nothing else.

An archive is unpacked only when its MD5 is the published one (torchvision's list for
its resources), and a tar only with Python's `filter="data"`: no entry may leave the
destination (`../../x`, an absolute path, a link pointing out), become a device, or
keep set-uid bits. The same rules hold for every archive the app opens.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import tarfile
from pathlib import Path

from playground.core.i18n import _

_TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tar.xz", ".txz")
_CHUNK = 1 << 20


class ArchiveError(ValueError):
    """An archive that is not the published file or would write outside its folder; one line."""


def md5_of(path: str | os.PathLike[str]) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def check_md5(archive: Path, md5: str | None) -> None:
    """Raise ArchiveError unless `archive` has the published checksum `md5` (None: none is published)."""
    if md5 is not None and md5_of(archive) != md5:
        raise ArchiveError(_("{archive} is not the published file (its MD5 checksum differs); "
                             "delete it and download it again").format(archive=archive))


def extract(archive: Path, destination: Path, md5: str | None) -> None:
    """Check `archive` against `md5`, then unpack it into `destination`.

    A tar is extracted with `filter="data"`; a lone `.gz` becomes the file without the
    suffix, written through a temporary file so a failure leaves nothing half written."""
    check_md5(archive, md5)
    name = archive.name.lower()
    destination.mkdir(parents=True, exist_ok=True)
    try:
        if name.endswith(_TAR_SUFFIXES):
            _extract_tar(archive, destination)
        elif name.endswith(".gz"):
            _gunzip(archive, destination / archive.name[:-3])
        else:
            raise ArchiveError(_("{archive}: not an archive the app unpacks (.tar, .tar.gz or .gz)").format(
                archive=archive))
    except tarfile.FilterError as exc:
        raise ArchiveError(_("{archive}: refused to unpack: {reason}").format(archive=archive, reason=exc)) from None
    except (tarfile.TarError, OSError, EOFError, gzip.BadGzipFile) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ArchiveError(_("{archive}: cannot unpack ({reason})").format(archive=archive, reason=reason)) from None


def _extract_tar(archive: Path, destination: Path) -> None:
    if not hasattr(tarfile, "data_filter"):
        raise ArchiveError(_("{archive}: this Python has no tar extraction filters (3.10.12 or newer has them); "
                             "unpack it by hand").format(archive=archive))
    with tarfile.open(archive) as tar:
        tar.extractall(destination, filter="data")


def _gunzip(archive: Path, target: Path) -> None:
    part = target.with_name(target.name + ".part")
    try:
        with gzip.open(archive, "rb") as source, open(part, "wb") as out:
            shutil.copyfileobj(source, out, _CHUNK)
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
