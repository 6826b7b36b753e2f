"""The folder broker of `make run` (training/broker.py): each message whole, and taken once."""

import contextlib
import json
import os
import tempfile
import threading
from pathlib import Path

import pytest
from kombu import Connection, Consumer, Producer, Queue

QUEUE = Queue("homes-test", routing_key="homes-test")


def connection(folder: Path) -> Connection:
    return Connection(
        "filesystem://localhost/",
        transport="training.broker:Transport",
        transport_options={
            "data_folder_in": str(folder / "queue"),
            "data_folder_out": str(folder / "queue"),
            "processing_folder": str(folder / "processing"),
            "control_folder": str(folder / "control"),
            "polling_interval": 0.01,
        },
    )


def publish(folder: Path, bodies: list[dict]) -> None:
    with connection(folder) as conn:
        producer = Producer(conn.default_channel)
        for body in bodies:
            producer.publish(body, routing_key=QUEUE.routing_key, declare=[QUEUE])


def consume(folder: Path, received: list, stop: threading.Event) -> None:
    def keep(body, message):
        received.append(body["n"])
        message.ack()

    with connection(folder) as conn, Consumer(conn, [QUEUE], callbacks=[keep], accept=["json"]):
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                conn.drain_events(timeout=0.2)


def test_the_folders_are_made_and_a_message_goes_through_whole(tmp_path, monkeypatch):
    # Taken messages stay in the broker's folder, never pass through the system's temp folder.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    publish(tmp_path, [{"n": 1, "text": "Reminder: Garden day"}])

    assert [p.name for p in (tmp_path / "queue").iterdir()][0].endswith(".homes-test.msg")
    assert (tmp_path / "processing").is_dir()
    with connection(tmp_path) as conn:
        message = conn.SimpleQueue(QUEUE).get(timeout=2)
        assert message.payload == {"n": 1, "text": "Reminder: Garden day"}
        message.ack()
    assert list((tmp_path / "queue").iterdir()) == []
    assert list((tmp_path / "processing").iterdir()) == []


def test_a_message_appears_in_the_queue_only_once_written_whole(tmp_path, monkeypatch):
    moments = []

    def replace(source, target):
        # Just before the message appears: workers see no file of it, and it is complete.
        moments.append(sorted(path.name for path in (tmp_path / "queue").iterdir()))
        assert json.loads(Path(source).read_bytes())["body"]
        os_replace(source, target)

    os_replace = os.replace
    monkeypatch.setattr("training.broker.os.replace", replace)

    publish(tmp_path, [{"n": 1}])

    assert len(moments) == 1
    assert len(moments[0]) == 1
    assert moments[0][0].startswith(".")
    assert not moments[0][0].endswith(".msg")


def test_a_message_still_being_written_is_never_taken(tmp_path):
    publish(tmp_path, [{"n": 1}])
    # What a producer has open at that moment: a hidden file, half written.
    (tmp_path / "queue" / ".0123abcd.writing").write_bytes(b'{"body": "eyJu')

    with connection(tmp_path) as conn:
        queue = conn.SimpleQueue(QUEUE)
        assert queue.get(timeout=2).payload == {"n": 1}
        with pytest.raises(queue.Empty):
            queue.get(timeout=0.3)
    assert (tmp_path / "queue" / ".0123abcd.writing").exists()


def test_two_workers_taking_at_once_get_every_message_exactly_once(tmp_path):
    publish(tmp_path, [])  # the exchange and queue exist before anyone listens
    received: list[int] = []
    stop = threading.Event()
    workers = [threading.Thread(target=consume, args=(tmp_path, received, stop)) for _ in range(2)]
    for worker in workers:
        worker.start()
    try:
        publish(tmp_path, [{"n": n} for n in range(200)])
        for _ in range(200):
            if len(received) >= 200:
                break
            stop.wait(0.05)
    finally:
        stop.set()
        for worker in workers:
            worker.join(timeout=10)

    assert sorted(received) == list(range(200))
    assert list((tmp_path / "queue").iterdir()) == []
