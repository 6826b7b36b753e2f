"""The "mail server" of the SIGKILL test's workers: each email becomes one file.

Every message is written to ``$SIGKILL_DIR/mail/`` (to a hidden temporary name, then renamed, so
the test never reads half a message), after a short pause standing in for the mail server's reply
time. When the file is in place the message has been "taken by the mail server": its Message-ID
and that moment go on a line of ``$SIGKILL_DIR/handed-over.log``, from which the test measures
how long each email stays sent-but-not-recorded.
"""

import os
import time
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend

from tests.scale.sigkill_hooks import hold

SMTP_SECONDS = 0.02


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        folder = Path(os.environ["SIGKILL_DIR"])
        (folder / "mail").mkdir(exist_ok=True)
        for message in email_messages:
            hold("email-smtp")
            time.sleep(SMTP_SECONDS)
            data = message.message().as_bytes()
            name = f"{time.time_ns()}-{os.getpid()}-{uuid.uuid4().hex[:8]}.eml"
            partial = folder / "mail" / f".{name}.partial"
            partial.write_bytes(data)
            os.replace(partial, folder / "mail" / name)
            line = f"{message.extra_headers.get('Message-ID', '')} {time.time():.6f}\n"
            fd = os.open(folder / "handed-over.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT)
            try:
                os.write(fd, line.encode())
            finally:
                os.close(fd)
        return len(email_messages)
