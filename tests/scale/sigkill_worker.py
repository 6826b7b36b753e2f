"""Start real Celery workers for the SIGKILL test, with its hold points and journal.

    python -m tests.scale.sigkill_worker

A launcher: it loads Django, the Celery app and every task module once, then reads one JSON
line a worker on its standard input (``{"log": path, "argv": [celery worker options]}``), forks,
and in the child runs the worker exactly as ``celery -A training worker …`` does
(``app.worker_main``), in a session of its own so that one SIGKILL to its process group kills
the worker and its pool process together. It answers each line with the worker's process id.

Forking from a loaded process (as Celery's own prefork pool does for its pool processes) makes
a restart cost a tenth of a second of CPU instead of two seconds for a fresh interpreter, which
is what keeps 20-odd restarts within the test's time on two busy cores. Nothing else differs:
the settings are tests/scale/sigkill_settings.py and the hooks tests/scale/sigkill_hooks.py.
"""

import json
import os
import random
import signal
import sys


def _worker(app, *, log: str, argv: list[str]) -> None:
    """In the forked child: become a worker of its own and never come back."""
    try:
        os.setsid()
        # The launcher lets the kernel reap its children; a worker must reap its own.
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        random.seed()
        nothing = os.open(os.devnull, os.O_RDONLY)
        os.dup2(nothing, 0)
        os.close(nothing)
        output = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        os.dup2(output, 1)
        os.dup2(output, 2)
        os.close(output)
        app.worker_main(["worker", *argv])
    finally:
        os._exit(0)


def main() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.scale.sigkill_settings"
    import django

    django.setup()

    from tests.scale import sigkill_hooks
    from training.celery import app

    sigkill_hooks.install()
    app.loader.import_default_modules()
    # Killed workers are reaped by the kernel: no zombies while the test waits for them to go.
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    for line in sys.stdin:
        order = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _worker(app, log=order["log"], argv=order["argv"])
        print(pid, flush=True)


if __name__ == "__main__":
    main()
