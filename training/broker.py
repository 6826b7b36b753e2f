"""The Celery broker of the single-box mode (`make run`): message files in a folder under var/.

kombu's filesystem transport needs nothing installed, but as shipped it has two weak spots that
matter here, both fixed by this small subclass:

- it writes a message straight into the queue folder, so a worker listing the folder at that
  moment can take a file that is still empty or half written. Here a message is written under a
  hidden temporary name and renamed into the queue in one step (``os.replace``);
- it takes a message by moving it to the system's temporary folder, which is often another file
  system (so the move is a copy, and email text lands in /tmp). Here it is renamed into a
  ``processing`` folder next to the queue: one rename, so exactly one worker gets each message.

There is no visibility timeout: a message leaves the folder when a worker takes it. Messages a
worker holds unacknowledged (``task_acks_late``) are written back when it stops cleanly or when
one of its pool processes dies (``task_reject_on_worker_lost``); a worker killed outright loses
the few it held (prefetch 1 per pool process). The scheduled jobs are claimed in the database and
run again on their next beat, so they catch up.

Settings: ``CELERY_BROKER_URL = "filesystem://localhost/"``, ``CELERY_BROKER_TRANSPORT =
"training.broker:Transport"`` and the folders in ``CELERY_BROKER_TRANSPORT_OPTIONS``
(``data_folder_in`` = ``data_folder_out``, ``control_folder``, ``processing_folder``).
"""

import os
import time
import uuid
from pathlib import Path
from queue import Empty
from typing import Any

from kombu.transport import filesystem
from kombu.utils.encoding import bytes_to_str, str_to_bytes
from kombu.utils.json import dumps, loads


class Channel(filesystem.Channel):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for folder in (
            self.data_folder_in,
            self.data_folder_out,
            self.processing_folder,
            self.control_folder,
        ):
            Path(folder).mkdir(parents=True, exist_ok=True)

    @property
    def processing_folder(self) -> str:
        options = self.transport_options
        return options.get("processing_folder") or os.path.join(
            options.get("data_folder_in", "data_in"), os.pardir, "processing"
        )

    # (kombu's own base classes disagree on this signature; the filesystem one is followed.)
    def _put(self, queue: Any, payload: Any, **kwargs: Any) -> None:  # type: ignore[override]
        """Write the message under a hidden name, then rename it into the queue folder."""
        # The name sorts by time, so workers take messages roughly in the order they were sent.
        name = f"{time.time_ns():020d}_{uuid.uuid4().hex}.{queue}.msg"
        folder = Path(self.data_folder_out)
        hidden = folder / f".{uuid.uuid4().hex}.writing"
        try:
            hidden.write_bytes(str_to_bytes(dumps(payload)))
            os.replace(hidden, folder / name)
        except OSError as error:
            hidden.unlink(missing_ok=True)
            raise filesystem.ChannelError(f"Cannot add a message to {folder}") from error

    def _get(self, queue: Any, timeout: Any = None) -> Any:
        """Take the oldest message of the queue: whoever renames it first has it."""
        wanted = f"{queue}.msg"
        folder = Path(self.data_folder_in)
        processing = Path(self.processing_folder)
        for name in sorted(os.listdir(folder)):
            # "<time>_<id>.<queue>.msg": hidden files being written never match.
            if name.partition(".")[2] != wanted:
                continue
            taken = processing / name
            try:
                os.rename(folder / name, taken)
            except FileNotFoundError:
                continue  # another worker took it first
            try:
                payload = taken.read_bytes()
            finally:
                taken.unlink(missing_ok=True)
            return loads(bytes_to_str(payload))
        raise Empty()


class Transport(filesystem.Transport):
    Channel = Channel
