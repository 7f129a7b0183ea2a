"""The dataset catalog: `datasets/catalog.yml` read into small typed records.

The catalog knows raw files (where they come from, their sha256) and the tidy schema; it knows nothing
of courses or lessons. It is read once per process. Parsing YAML is the slow part of a kernel's first
`load` (importing PyYAML alone takes ~90 ms), so the parsed form is kept as JSON in the cache folder,
keyed by the sha256 of catalog.yml: an edited catalog is parsed again (with libyaml's C loader), an
unchanged one is read back in a millisecond.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from datavaardig import settings
from datavaardig.errors import DatavaardigError

__all__ = ["catalog_dir", "Column", "Dataset", "get", "load_catalog", "RawFile", "UnknownDataset"]


@dataclass(frozen=True)
class RawFile:
    path: str  # relative to the mirror folder: "<folder>/<file name>"
    sha256: str
    size: int  # bytes
    url: str  # public download address

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    meaning: str
    unit: str | None = None


@dataclass(frozen=True)
class Dataset:
    id: str
    title_nl: str
    title_en: str
    description: str
    status: str  # primary | secondary | derived | uncertain
    publisher: str
    licence: str
    attribution: str
    origin: str
    time_span: str
    kind: str  # table | geo
    rows: int
    raw: tuple[RawFile, ...]
    schema: tuple[Column, ...]
    crs: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def dictionary_path(self) -> Path:
        return catalog_dir() / f"{self.id}.md"

    def column(self, name: str) -> Column:
        for col in self.schema:
            if col.name == name:
                return col
        raise KeyError(name)


class UnknownDataset(DatavaardigError, KeyError):
    def __str__(self) -> str:
        known = ", ".join(sorted(load_catalog()))
        return f"Onbekende dataset {self.args[0]!r}. Beschikbaar: {known}. (`datavaardig data list`)"


def catalog_dir() -> Path:
    """datasets/ of the checkout (editable install), or the copy shipped in the wheel."""
    shipped = Path(str(files("datavaardig"))) / "_catalog"
    if (shipped / "catalog.yml").is_file():
        return shipped
    return Path(__file__).resolve().parent.parent / "datasets"


def _dataset(id_: str, entry: dict) -> Dataset:
    return Dataset(
        id=id_,
        title_nl=entry["title"]["nl"],
        title_en=entry["title"]["en"],
        description=entry["description"].strip(),
        status=entry["status"],
        publisher=entry["publisher"],
        licence=entry["licence"],
        attribution=entry["attribution"],
        origin=entry["origin"],
        time_span=str(entry["time_span"]),
        kind=entry.get("kind", "table"),
        rows=int(entry["rows"]),
        crs=entry.get("crs"),
        raw=tuple(RawFile(**raw) for raw in entry["raw"]),
        schema=tuple(Column(**col) for col in entry["schema"]),
        notes=tuple(entry.get("notes", ())),
    )


@lru_cache(maxsize=1)
def load_catalog() -> dict[str, Dataset]:
    text = (catalog_dir() / "catalog.yml").read_bytes()
    document = _parsed(text)
    return {id_: _dataset(id_, entry) for id_, entry in document["datasets"].items()}


def _parsed(text: bytes) -> dict:
    """catalog.yml as Python data: from the JSON copy of exactly these bytes, else parsed (and copied)."""
    copy = settings.cache_dir() / "catalogus" / f"{hashlib.sha256(text).hexdigest()}.json"
    try:
        return json.loads(copy.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    import yaml  # only when catalog.yml changed (or the cache was cleared)

    document = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        temporary = copy.with_name(f".{copy.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(document), encoding="utf-8")
        os.replace(temporary, copy)  # two kernels writing at once never leave half a copy
    except OSError:  # a read-only cache folder: parse again next time, nothing else changes
        pass
    return document


def get(id_: str) -> Dataset:
    try:
        return load_catalog()[id_]
    except KeyError:
        raise UnknownDataset(id_) from None
