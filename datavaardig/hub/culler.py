"""The idle culler as the hub starts it: jupyterhub-idle-culler, stopping at the hub's first signal.

JupyterHub stops a service with SIGINT and waits 30 s before SIGTERM (a wait no setting shortens for
services). A hub started from a shell's background job inherits SIGINT as ignored, so the culler would sit out
those 30 s at every hub stop or restart: its SIGINT handling is restored first.
"""

from __future__ import annotations

import signal

from jupyterhub_idle_culler import main as culler_main

__all__ = ["main"]


def main() -> None:
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        culler_main()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
