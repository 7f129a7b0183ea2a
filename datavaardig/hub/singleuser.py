"""What a hub starts for each person (`python -m datavaardig.hub.singleuser ARGS`), running as that person.

First the course update is merged into their workspace (as them, so the files are theirs and no root process
ever writes into a home a learner controls), then `jupyterhub-singleuser` takes over this process with the
JupyterLab of their role (`DATAVAARDIG_ROLE`, set by the spawner from the hub's trainers group).
"""

from __future__ import annotations

import os
import sys

from datavaardig import settings
from datavaardig.hub import profiles, workspace

__all__ = ["main"]


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    role = os.environ.get("DATAVAARDIG_ROLE", profiles.LEARNER)
    if role not in profiles.ROLES:
        role = profiles.LEARNER
    target = settings.workspace_dir()
    try:
        report = workspace.sync(settings.courses_dir(), target)
        if report.kept:
            print(
                f"datavaardig: {len(report.kept)} aangepaste les(sen) bewaard; zie {workspace.NOTES}", file=sys.stderr
            )
    except OSError as exc:  # a full disk must not keep the learner out of their own work
        print(f"datavaardig: lessen niet bijgewerkt ({exc})", file=sys.stderr)
    # `python -m`, not the jupyterhub-singleuser script: the script's first line names the hub's interpreter,
    # which the person's account may not be able to run (see datavaardig.hub.userenv).
    argv_out = [sys.executable, "-m", "jupyterhub.singleuser", *args, *profiles.server_args(role)]
    os.execve(sys.executable, argv_out, profiles.server_env(role))


if __name__ == "__main__":
    main()
