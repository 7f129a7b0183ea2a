"""Raw files: found in the mirror folder or downloaded with pooch, and sha256-verified on every read."""

from __future__ import annotations

import hashlib
from pathlib import Path

from datavaardig import settings
from datavaardig.catalog import Dataset, RawFile
from datavaardig.errors import RawFileCorrupt, RawFileMissing

__all__ = ["download_dir", "fetch", "locate", "sha256_of", "verify"]

_WHAT_TO_DO = (
    "Wat te doen: zet DATAVAARDIG_DATA naar een map met de originele bestanden, of verwijder het "
    "bestand zodat datavaardig het opnieuw downloadt, en controleer met `datavaardig data verify`."
)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify(dataset: Dataset, raw: RawFile, path: Path) -> Path:
    """Raise RawFileCorrupt unless `path` is byte-identical to what the catalog names."""
    size = path.stat().st_size
    if size != raw.size:
        kind = "afgekapt (te kort)" if size < raw.size else "gewijzigd (te lang)"
        raise RawFileCorrupt(
            dataset.id,
            f"het bestand {path} is {kind}: {size:,} bytes, verwacht {raw.size:,} bytes. {_WHAT_TO_DO}",
        )
    found = sha256_of(path)
    if found != raw.sha256:
        raise RawFileCorrupt(
            dataset.id,
            f"het bestand {path} is gewijzigd: sha256 {found[:12]}…, verwacht {raw.sha256[:12]}…. {_WHAT_TO_DO}",
        )
    return path


def download_dir() -> Path:
    return settings.cache_dir() / "raw"


def locate(raw: RawFile) -> Path | None:
    """Where the file already is on this machine, without downloading: mirror first, then earlier downloads."""
    mirror = settings.data_mirror()
    for base in ([mirror] if mirror else []) + [download_dir()]:
        candidate = base / raw.path
        if candidate.is_file():
            return candidate
    return None


def fetch(dataset: Dataset, raw: RawFile, *, progress: bool = False) -> Path:
    """A verified local copy of `raw`: from the mirror folder, else downloaded (pooch) and verified."""
    found = locate(raw)
    if found is not None:
        return verify(dataset, raw, found)
    import pooch  # only needed when something must be downloaded

    target = download_dir() / raw.path
    try:
        pooch.retrieve(
            raw.url,
            known_hash=f"sha256:{raw.sha256}",
            fname=target.name,
            path=target.parent,
            progressbar=progress,
        )
    except Exception as exc:  # pooch raises requests/OSError/ValueError variants
        mirror = settings.data_mirror()
        where = f"niet in de map {mirror} (DATAVAARDIG_DATA) en " if mirror else ""
        raise RawFileMissing(
            dataset.id,
            f"het bestand {raw.path} is {where}niet te downloaden van {raw.url} "
            f"({type(exc).__name__}: {exc}). Wat te doen: controleer de internetverbinding, of zet "
            f"DATAVAARDIG_DATA naar een map met de bestanden (zie README).",
        ) from exc
    return verify(dataset, raw, target)
