"""One test per sandbox threat of issue 5, on a real forked, confined interpreter.

Each test runs learner cells and (where it matters) a trainer's test cell through `run_notebook`,
exactly as `datavaardig grade` does, and checks what the learner's code could not do.
"""

from __future__ import annotations

import os

import pytest

from datavaardig.grading.assignments.course import graded_source_dir
from datavaardig.grading.assignments.data import data_pack
from datavaardig.grading.assignments.executor.pool import CellJob, run_notebook
from datavaardig.grading.assignments.executor.sandbox import Limits

pytestmark = pytest.mark.slow
ROOT = os.geteuid() == 0
needs_root = pytest.mark.skipif(not ROOT, reason="namespaces and uid switching need root (CI runs as root)")


@pytest.fixture(scope="module")
def places(tmp_path_factory, mirror):
    base = tmp_path_factory.mktemp("sandbox")
    course = base / "cursus"
    (course / "submitted" / "anna" / "tabellen").mkdir(parents=True)
    (course / "submitted" / "anna" / "tabellen" / "geheim.txt").write_text("ANNA-GEHEIM")
    (course / "gradebook.db").write_text("CIJFERBOEK")
    data = data_pack(graded_source_dir() / "tabellen", base / "data")
    return {"course": course, "data": data, "base": base}


def run(places, cells, *, limits=Limits(cell_wall=10, notebook_wall=40)):
    work = places["base"] / f"werk{len(list(places['base'].iterdir()))}"
    work.mkdir()
    (work / "eigen.txt").write_text("mijn bestand")
    hide = (str(places["course"]), str(graded_source_dir()))
    jobs = [CellJob(src, kind, f"t{i}") for i, (kind, src) in enumerate(cells)]
    return run_notebook(jobs, str(work), str(places["data"]), hide, limits), work


def text(cell) -> str:
    return "".join(
        o.get("text", "") + str(o.get("data", {}).get("text/plain", "")) + o.get("evalue", "") for o in cell.outputs
    )


@needs_root
def test_no_network(places):
    result, _ = run(
        places,
        [
            (
                "code",
                "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 22), timeout=2)\n"
                "    print('VERBONDEN')\nexcept OSError as e:\n    print('geen netwerk', e.errno)",
            )
        ],
    )
    assert "geen netwerk" in text(result.cells[0]) and "VERBONDEN" not in text(result.cells[0])


@needs_root
def test_cannot_write_outside_own_folder(places):
    repo_file = graded_source_dir().parent / "SANDBOX_WAS_HERE"
    result, work = run(
        places,
        [
            ("code", "open('resultaat.txt', 'w').write('ok')"),
            ("code", f"open({str(repo_file)!r}, 'w').write('x')"),
            ("code", f"open({str(places['data'] / 'x.txt')!r}, 'w').write('x')"),
            ("code", "import os\nopen(os.environ['DATAVAARDIG_HOME'] + '/x.txt', 'w')"),
        ],
    )
    assert (work / "resultaat.txt").read_text() == "ok"
    assert result.cells[1].ename in ("PermissionError", "FileNotFoundError", "OSError")
    assert result.cells[2].ename in ("PermissionError", "FileNotFoundError", "OSError")
    assert result.cells[3].ename in ("PermissionError", "OSError")  # the data folder is read-only
    assert not repo_file.exists() and not (places["data"] / "x.txt").exists()


@needs_root
def test_cannot_read_other_submissions_or_gradebook(places):
    other = places["course"] / "submitted" / "anna" / "tabellen" / "geheim.txt"
    result, _ = run(
        places,
        [
            ("code", f"print(open({str(other)!r}).read())"),
            ("code", f"print(open({str(places['course'] / 'gradebook.db')!r}).read())"),
            ("code", "import os\nprint(sorted(os.listdir('.')), sorted(os.listdir('/tmp')))"),
        ],
    )
    assert result.cells[0].status == "error" and "ANNA-GEHEIM" not in text(result.cells[0])
    assert result.cells[1].status == "error" and "CIJFERBOEK" not in text(result.cells[1])
    assert "['eigen.txt']" in text(result.cells[2])


@needs_root
def test_cannot_read_hidden_tests_from_source_or_memory(places):
    source = graded_source_dir() / "tabellen" / "aardbevingen.ipynb"
    hidden = "assert aantal_bevingen == 12, 'verborgen: VERBORGEN-TEKST'"
    result, _ = run(
        places,
        [
            ("code", f"print(len(open({str(source)!r}).read()))"),
            # The search string is built inside a function, so it sits in no container the search could hit.
            (
                "code",
                "import gc\ndef zoek():\n    z = '-'.join(['VERBORGEN', 'TEKST'])\n    return any(z in repr(o) for o in gc.get_objects()"
                " if isinstance(o, (dict, list, tuple)))\nprint('GEVONDEN' if zoek() else 'niets')",
            ),
            ("code", "aantal_bevingen = 12"),
            ("test", hidden),
        ],
    )
    assert result.cells[0].status == "error"
    assert "niets" in text(result.cells[1])
    assert result.cells[3].status == "ok"  # the hidden test did arrive and run in its turn


def test_monkeypatched_assertion_error_does_not_pass_a_test(places):
    result, _ = run(
        places,
        [
            (
                "code",
                "import builtins\nclass Stil(BaseException): pass\n"
                "builtins.AssertionError = Stil\nAssertionError = Stil\nx = 1",
            ),
            ("test", "assert x == 2, 'x moet 2 zijn'"),
        ],
    )
    assert result.cells[1].status == "error" and result.cells[1].ename == "AssertionError"


def test_redefined_builtins_are_restored_for_tests(places):
    result, _ = run(
        places,
        [
            ("code", "import builtins\nbuiltins.isinstance = lambda *a: True\nlen = lambda o: 3\nx = 'abcdef'"),
            ("test", "assert len(x) == 3\n"),
            ("test", "assert isinstance(x, int)"),
        ],
    )
    assert result.cells[1].status == "error" and result.cells[2].status == "error"


def test_patched_library_functions_are_restored_for_tests(places):
    result, _ = run(
        places,
        [
            (
                "code",
                "import math, pandas as pd\nmath.isclose = lambda *a, **k: True\n"
                "pd.DataFrame.equals = lambda self, other: True\nx = 1.0",
            ),
            ("test", "import math\nassert math.isclose(x, 2.0)"),
            ("test", "import pandas as pd\nassert pd.DataFrame({'a': [1]}).equals(pd.DataFrame({'a': [2]}))"),
        ],
    )
    assert result.cells[1].status == "error" and result.cells[2].status == "error"


def test_trace_hooks_are_removed_before_tests(places):
    result, _ = run(
        places,
        [
            (
                "code",
                "import sys\nx = 1\ndef _t(frame, event, arg):\n"
                "    frame.f_globals['x'] = 2\n    return None\nsys.settrace(_t)",
            ),
            ("test", "assert x == 2"),
        ],
    )
    assert result.cells[1].status == "error"


def test_sys_exit_during_a_test_fails_it_and_is_flagged(places):
    result, _ = run(
        places,
        [
            ("code", "import sys\nclass Uit(int):\n    def __eq__(self, o): sys.exit(0)\nx = Uit(1)"),
            ("test", "assert x == 1"),
            ("test", "assert 1 == 1"),
        ],
    )
    assert result.cells[1].ename == "SystemExit"
    assert result.cells[2].status == "ok"  # grading went on
    assert any("stoppen" in p for p in result.problems)


@pytest.mark.parametrize("how", ["import os\nos._exit(0)", "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"])
def test_exit_or_killed_kernel_is_marked_and_later_tests_score_nothing(places, how):
    result, _ = run(places, [("code", f"x = 1\n{how}"), ("test", "assert x == 1")])
    assert result.problems and "uitvoering gestopt" in result.problems[0]
    assert result.cells[1].status == "not-run"
    assert result.cells[1].outputs[0]["output_type"] == "error"  # nbgrader then gives 0, not full points


@needs_root
def test_cannot_kill_the_grader(places):
    result, _ = run(
        places,
        [
            (
                "code",
                "import os, signal\ntry:\n    os.kill(os.getppid(), signal.SIGKILL)\n"
                "except OSError as e:\n    print('geweigerd', e.errno)\n"
                "try:\n    os.kill(1, signal.SIGKILL)\nexcept OSError as e:\n    print('geweigerd', e.errno)",
            )
        ],
    )
    assert text(result.cells[0]).count("geweigerd") == 2


def test_printed_fake_results_do_not_count(places):
    result, _ = run(
        places,
        [
            ("code", "x = 1\nprint('Alle tests geslaagd: 7/7')\nimport os\nos.write(1, b'{\"status\": \"ok\"}')"),
            ("test", "print('ok')\nassert x == 2"),
        ],
    )
    assert result.cells[1].status == "error" and not result.problems


def test_forged_protocol_messages_are_detected(places):
    forge = (
        "import os, struct, json, socket\n"
        "for fd in range(3, 40):\n"
        "    try:\n"
        "        socket.socket(fileno=os.dup(fd)).getsockname()\n"
        "    except OSError:\n"
        "        continue\n"
        "    body = json.dumps({'nonce': 'x', 'status': 'ok', 'outputs': []}).encode()\n"
        "    os.write(fd, struct.pack('!I', len(body)) + body)\n"
    )
    result, _ = run(places, [("code", forge), ("test", "assert False")])
    assert any("manipulatie" in p for p in result.problems)
    assert result.cells[-1].status != "ok"


def test_infinite_loop_hits_the_wall_clock_limit(places):
    result, _ = run(
        places,
        [("code", "while True:\n    pass"), ("test", "assert True")],
        limits=Limits(cell_wall=2, notebook_wall=20),
    )
    assert "tijdslimiet" in result.problems[0]
    assert result.cells[1].status == "not-run"


def test_cpu_limit_per_cell(places):
    result, _ = run(
        places,
        [("code", "import time\nwhile True:\n    pass")],
        limits=Limits(cell_wall=30, cell_cpu=1, notebook_wall=40),
    )
    assert "CPU-tijdlimiet" in result.problems[0]


def test_memory_cap(places):
    result, _ = run(
        places,
        [("code", "blok = bytearray(4 * 2**30)"), ("code", "print('verder')")],
        limits=Limits(memory_mb=512, cell_wall=20),
    )
    assert result.cells[0].ename == "MemoryError"
    assert "verder" in text(result.cells[1])
    assert any("geheugen" in p for p in result.problems)


def test_output_size_cap(places):
    result, _ = run(
        places, [("code", "for i in range(100_000):\n    print('regel', i)")], limits=Limits(output_bytes=10_000)
    )
    assert len(text(result.cells[0])) < 11_000
    assert "ingekort" in text(result.cells[0]) and result.problems


def test_nothing_leaks_between_submissions(places):
    first, _ = run(places, [("code", "import builtins, pandas\nbuiltins.GEHEIM = 1\npandas.GEHEIM = 2\nx = 1")])
    second, _ = run(
        places,
        [
            (
                "code",
                "import builtins, pandas\nprint(hasattr(builtins, 'GEHEIM'), "
                "hasattr(pandas, 'GEHEIM'), 'x' in globals())",
            )
        ],
    )
    assert text(second.cells[0]).strip() == "False False False"
