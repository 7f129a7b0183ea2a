"""The loader's contract: verified raw files, clear Dutch errors, and a cache that knows when it is stale."""

from __future__ import annotations

import functools
import http.server
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import replace

import pytest

import datavaardig as dv
from datavaardig import cache, catalog, loader
from datavaardig.errors import RawFileCorrupt, RawFileMissing

DATASET = "aardbevingen"


@pytest.fixture
def fresh_home(tmp_path, monkeypatch):
    monkeypatch.setenv("DATAVAARDIG_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def own_mirror(tmp_path, mirror, monkeypatch, fresh_home):
    """A private copy of the raw files of DATASET, so a test may damage them."""
    copy = tmp_path / "mirror"
    for raw in catalog.get(DATASET).raw:
        target = copy / raw.path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(mirror / raw.path, target)
    monkeypatch.setenv("DATAVAARDIG_DATA", str(copy))
    return copy


def _builds(monkeypatch) -> list[str]:
    """Count real builds (the real build still runs)."""
    calls: list[str] = []
    real = loader.build

    def counting(dataset, **kw):
        calls.append(dataset.id)
        return real(dataset, **kw)

    monkeypatch.setattr(loader, "build", counting)
    return calls


def test_load_from_any_folder_in_a_fresh_process(tmp_path, mirror, fresh_home):
    code = "import datavaardig as dv; df = dv.load('aardbevingen'); print(len(df), df.attrs['bron'])"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1959 Bron: KNMI"


def test_altered_raw_file_names_dataset_expectation_and_remedy(own_mirror):
    raw = catalog.get(DATASET).raw[0]
    path = own_mirror / raw.path
    data = bytearray(path.read_bytes())
    data[100] ^= 0x01  # one flipped bit, same size
    path.write_bytes(bytes(data))
    with pytest.raises(RawFileCorrupt) as info:
        dv.load(DATASET)
    message = str(info.value)
    assert "Dataset 'aardbevingen'" in message
    assert "gewijzigd" in message and raw.sha256[:12] in message
    assert "Wat te doen" in message and "DATAVAARDIG_DATA" in message


def test_truncated_raw_file_is_reported_as_truncated(own_mirror):
    raw = catalog.get(DATASET).raw[0]
    path = own_mirror / raw.path
    path.write_bytes(path.read_bytes()[:1000])
    with pytest.raises(RawFileCorrupt, match="afgekapt") as info:
        dv.load(DATASET)
    assert f"{raw.size:,}" in str(info.value)


def test_missing_file_without_download_says_where_it_looked(tmp_path, fresh_home, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("DATAVAARDIG_DATA", str(empty))
    with socket.socket() as s:  # a port nobody listens on: the download fails at once
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    dataset = catalog.get(DATASET)
    broken = replace(dataset, raw=tuple(replace(r, url=f"http://127.0.0.1:{dead}/{r.name}") for r in dataset.raw))
    with pytest.raises(RawFileMissing) as info:
        loader.build(broken)
    assert str(empty) in str(info.value) and "niet te downloaden" in str(info.value)


@pytest.fixture
def mirror_server(mirror):
    """A real HTTP server on 127.0.0.1 serving the mirror, standing in for the public URLs."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(mirror))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_download_with_pooch_verifies_and_keeps_the_file(mirror_server, fresh_home, monkeypatch, tmp_path):
    monkeypatch.delenv("DATAVAARDIG_DATA", raising=False)
    dataset = catalog.get(DATASET)
    served = replace(dataset, raw=tuple(replace(r, url=f"{mirror_server}/{r.path}") for r in dataset.raw))
    frame = loader.build(served)
    assert len(frame) == 1959
    for raw in dataset.raw:
        kept = fresh_home / "cache" / "raw" / raw.path
        assert kept.is_file() and kept.stat().st_size == raw.size


def test_download_of_wrong_bytes_is_refused(mirror_server, fresh_home, monkeypatch):
    monkeypatch.delenv("DATAVAARDIG_DATA", raising=False)
    dataset = catalog.get(DATASET)
    # Serve the field outline where the quake catalogue is expected.
    swapped = replace(
        dataset,
        raw=(replace(dataset.raw[0], url=f"{mirror_server}/{dataset.raw[1].path}"), dataset.raw[1]),
    )
    with pytest.raises(RawFileMissing, match="sha256|hash"):
        loader.build(swapped)
    assert not (fresh_home / "cache" / "raw" / dataset.raw[0].path).exists()


def test_cached_load_does_not_rebuild(own_mirror, monkeypatch):
    builds = _builds(monkeypatch)
    first = dv.load(DATASET)
    second = dv.load(DATASET)
    assert builds == [DATASET]
    assert first.equals(second)


def test_cache_rebuilt_when_preparation_code_changes(own_mirror, monkeypatch, tmp_path):
    code = tmp_path / "prepare"
    shutil.copytree(cache.PREPARE_DIR, code)
    monkeypatch.setattr(cache, "PREPARE_DIR", code)
    builds = _builds(monkeypatch)
    dv.load(DATASET)
    dv.load(DATASET)
    with open(code / f"{DATASET}.py", "a") as fh:
        fh.write("\n# a change to the preparation\n")
    dv.load(DATASET)
    assert builds == [DATASET, DATASET]
    with open(code / "_geo.py", "a") as fh:  # shared helpers count too
        fh.write("\n# a change to a shared helper\n")
    dv.load(DATASET)
    assert builds == [DATASET] * 3


def test_changed_raw_file_on_disk_is_reverified_despite_cache(own_mirror, monkeypatch):
    dv.load(DATASET)
    raw = catalog.get(DATASET).raw[0]
    path = own_mirror / raw.path
    data = bytearray(path.read_bytes())
    data[-10] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(RawFileCorrupt):
        dv.load(DATASET)


def test_refresh_rebuilds(own_mirror, monkeypatch):
    builds = _builds(monkeypatch)
    dv.load(DATASET)
    dv.load(DATASET, refresh=True)
    assert builds == [DATASET, DATASET]


def test_unknown_dataset_lists_what_exists(fresh_home):
    with pytest.raises(catalog.UnknownDataset) as info:
        dv.load("aardbeving")
    assert "aardbevingen" in str(info.value) and "datavaardig data list" in str(info.value)


def test_preparation_that_drifts_from_catalog_schema_is_refused(own_mirror):
    dataset = catalog.get(DATASET)
    drifted = replace(dataset, schema=dataset.schema[:-1])
    with pytest.raises(dv.errors.DatasetError, match="catalogus"):
        loader.build(drifted)


def test_metadata_travels_with_the_table(own_mirror):
    df = dv.load(DATASET)
    assert df.attrs["dataset"] == DATASET
    assert df.attrs["eenheden"]["magnitude"] == "ML"
    assert df.attrs["licentie"] == "CC BY 4.0"


def test_catalog_is_read_from_its_json_copy_and_parsed_again_when_edited(tmp_path, fresh_home, monkeypatch):
    """The parsed catalog is kept per sha256 of catalog.yml: an unchanged file is never parsed again, an
    edited one is, and a damaged copy is simply made again."""
    import yaml

    folder = tmp_path / "datasets"
    folder.mkdir()
    shutil.copy(catalog.catalog_dir() / "catalog.yml", folder / "catalog.yml")
    monkeypatch.setattr(catalog, "catalog_dir", lambda: folder)
    parses = []
    real_load = yaml.load
    monkeypatch.setattr(yaml, "load", lambda *a, **k: parses.append(1) or real_load(*a, **k))

    def fresh_read():
        catalog.load_catalog.cache_clear()
        return catalog.load_catalog()

    first = fresh_read()
    assert len(parses) == 1 and len(list((fresh_home / "cache" / "catalogus").glob("*.json"))) == 1
    assert fresh_read() == first and len(parses) == 1  # the copy, not YAML
    text = (folder / "catalog.yml").read_text(encoding="utf-8")
    (folder / "catalog.yml").write_text(text.replace("Aardbevingen", "Aardbevingen (bewerkt)", 1), encoding="utf-8")
    edited = fresh_read()
    assert len(parses) == 2 and edited != first
    for copy in (fresh_home / "cache" / "catalogus").glob("*.json"):
        copy.write_text("{kapot")
    assert fresh_read() == edited and len(parses) == 3
    catalog.load_catalog.cache_clear()


@pytest.mark.parametrize("dataset_id", ["aardbevingen", "weer", "kwb_2021", "gemeenten_2024"])
def test_cached_table_reads_as_pandas_reads_it(mirror, dataset_id):
    """The cache reads one parquet file without pyarrow's dataset layer; the table must be pandas' own."""
    import pandas as pd

    dataset = catalog.get(dataset_id)
    dv.load(dataset_id)
    ours = cache.read(dataset)
    theirs = pd.read_parquet(cache.table_path(dataset_id))
    pd.testing.assert_frame_equal(ours, theirs, check_exact=True)
    assert ours.dtypes.equals(theirs.dtypes)
