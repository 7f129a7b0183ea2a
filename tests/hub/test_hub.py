"""A real hub on 127.0.0.1 (one per session): sign-in, a server per person as their own Linux account, the
lessons in their own workspace with a working check, isolation between learners, trainer pages, limits, and a
hub restart that keeps everyone and their work. Driven through the hub's REST API like a browser would."""

from __future__ import annotations

import pwd
import stat
import subprocess

import pytest

from datavaardig.hub import system_users
from tests.support.hubclient import HubUser, SignInFailed

pytestmark = pytest.mark.slow

LESSON = "python/01-notebooks-en-cellen.ipynb"
BIND = "import datavaardig as dv\nfrom datavaardig.exercises.python_01 import *\ndv.bind(globals())"


def test_a_wrong_password_is_refused(hub):
    with pytest.raises(SignInFailed):
        HubUser(hub.url, "cursist1", "niet-het-wachtwoord").sign_in()


def test_first_sign_in_creates_a_private_linux_account_that_runs_the_server(hub, person):
    learner = person("cursist1")
    account = pwd.getpwnam(system_users.linux_name("cursist1", hub.prefix))
    home = hub.home("cursist1")
    assert account.pw_dir == str(home)
    assert stat.S_IMODE(home.stat().st_mode) == 0o700 and home.stat().st_uid == account.pw_uid
    kernel = learner.open_notebook("index.ipynb")
    out = learner.run(kernel, "import getpass, os\nprint(getpass.getuser(), os.getuid())")
    assert out.error is None and out.text.split() == [account.pw_name, str(account.pw_uid)]


def test_the_lesson_opens_in_the_own_workspace_with_a_working_check(hub, person):
    learner = person("cursist1")
    listing = learner.read_file("").json()
    assert {item["name"] for item in listing["content"]} >= {"index.ipynb", "python", "tabellen", "visualiseren"}
    workspace = hub.home("cursist1") / "datavaardig-lessen"
    assert (workspace / LESSON).is_file() and (workspace / LESSON).stat().st_uid == pwd.getpwnam(
        system_users.linux_name("cursist1", hub.prefix)
    ).pw_uid
    kernel = learner.open_notebook(LESSON)
    out = learner.run(kernel, f'{BIND}\nantwoord_toetsen = "b"\nq1.check()')
    assert out.error is None and "Goed zo!" in out.text
    out = learner.run(kernel, 'antwoord_toetsen = "a"\nq1.check()')
    assert "Goed zo!" not in out.text and out.markdown
    # The prepared datasets are shared: the learner reads them without building anything.
    out = learner.run(kernel, 'import datavaardig as dv\nprint(len(dv.load("aardbevingen")) > 1000)')
    assert out.error is None and out.text.strip() == "True"


def test_a_second_learner_cannot_open_the_first_ones_server(hub, person):
    first, second = person("cursist1"), person("cursist2", server=False)
    assert second.read_file("index.ipynb", owner="cursist1").status_code == 403
    assert second.server("GET", "/kernels", owner="cursist1").status_code == 403
    # The hub does not even tell a learner that the other account exists.
    assert second.hub_api("POST", "/users/cursist1/server").status_code == 404
    assert first.read_file("index.ipynb").status_code == 200  # the owner still can


def test_a_second_learner_cannot_read_the_first_ones_files_or_progress(hub, person):
    person("cursist1")
    second = person("cursist2")
    other = hub.home("cursist1")
    kernel = second.open_notebook("index.ipynb")
    for target in (other / "datavaardig-lessen" / LESSON, other / ".local/share/datavaardig/voortgang.sqlite"):
        out = second.run(kernel, f"open({str(target)!r}, 'rb').read()")
        assert out.error and out.error.startswith("PermissionError"), out
    out = second.run(kernel, f"import os\nos.listdir({str(other)!r})")
    assert out.error and out.error.startswith("PermissionError")
    # And outside the servers: the Linux account itself is refused.
    refused = subprocess.run(
        ["runuser", "-u", system_users.linux_name("cursist2", hub.prefix), "--", "ls", str(other)],
        capture_output=True,
        text=True,
    )
    assert refused.returncode != 0 and "Permission denied" in refused.stderr


def test_a_learner_gets_403_on_trainer_pages_and_a_trainer_gets_them(hub, person):
    learner = person("cursist1", server=False)
    trainer = person("trainer", server=False)
    for who, expected in ((learner, 403), (trainer, 200)):
        assert who.session.get(f"{hub.url}/hub/admin", timeout=60).status_code == expected
        assert who.hub_api("GET", "/users").status_code == expected
    # The trainer's role reads; it does not manage: no stopping a learner's server.
    assert trainer.hub_api("DELETE", "/users/cursist1/server").status_code in (403, 404)
    assert trainer.hub_api("GET", "/users/cursist1").json()["servers"][""]["ready"] is True
    groups = trainer.hub_api("GET", "/groups").json()
    assert [g["users"] for g in groups if g["name"] == "trainers"] == [["trainer"]]


def test_trainers_get_nbgrader_pages_learners_do_not(hub, person):
    trainer, learner = person("trainer"), person("cursist1")
    assert trainer.session.get(f"{hub.url}/user/trainer/formgrader", timeout=120).status_code == 200
    assert learner.session.get(f"{hub.url}/user/cursist1/formgrader", timeout=120).status_code == 404


def test_each_server_runs_inside_its_own_memory_and_cpu_limits(hub, person):
    learner = person("cursist1")
    account = system_users.linux_name("cursist1", hub.prefix)
    kernel = learner.open_notebook("index.ipynb")
    out = learner.run(kernel, "print(open('/proc/self/cgroup').read())")
    assert f"memory:/datavaardig/{account}" in out.text and f"cpu:/datavaardig/{account}" in out.text
    out = learner.run(
        kernel,
        "import subprocess, sys\n"
        "r = subprocess.run([sys.executable, '-c', 'b = bytearray(1536 * 2**20); b[::4096] = b\"x\" * len(b[::4096])'])\n"
        "print(r.returncode)",
    )
    assert out.text.strip() == "-9", out  # killed at the 1 GB limit, the server and kernel live on
    assert learner.run(kernel, "print(2 + 2)").text.strip() == "4"
    out = learner.run(kernel, "import resource\nprint(resource.getrlimit(resource.RLIMIT_NPROC))")
    assert out.text.strip() == "(256, 256)"  # a fork bomb stops at the learner's own account


def test_the_idle_culler_runs_with_its_role(hub):
    # Its first round lists the users: only possible with the scopes its role gives it.
    assert "200 GET /hub/api/users?state=[secret] (idle-culler@127.0.0.1)" in hub.log()


def test_hub_restart_keeps_users_their_servers_and_their_work(hub, person):
    learner = person("cursist1")
    learner.write_text("mijn-aantekeningen.txt", "les 1 af\n")
    hub.restart()
    again = HubUser(hub.url, "cursist1", hub.passwords["cursist1"]).sign_in()
    assert again.hub_api("GET", "/users/cursist1").json()["servers"][""]["ready"] is True
    assert again.read_file("mijn-aantekeningen.txt").json()["content"] == "les 1 af\n"
    # The token made before the restart still works: the hub's database kept it.
    assert learner.read_file("mijn-aantekeningen.txt").status_code == 200
