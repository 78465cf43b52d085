"""Work side by side in threads (core/parallel.py): used only where other connections can see the data, part of
the caller's run, failures raised to the caller."""

import threading

import pytest

from zhichan.core import parallel, runs


def test_inside_a_transaction_the_work_runs_at_once(db):
    # Every test runs inside a transaction: other connections would not see its rows.
    assert not parallel.side_by_side()
    with parallel.threads(4, "test") as pool:
        assert pool is None
    done = []
    with parallel.in_background(done.append, 2, "test") as run:
        run(1)
        assert done == [1]  # at once, not when the block ends


@pytest.fixture
def side_by_side(monkeypatch):
    monkeypatch.setattr(parallel, "side_by_side", lambda: True)


def test_threads_run_in_the_callers_run(side_by_side):
    reads = []

    def read():
        reads.append(threading.current_thread().name)
        return len(reads)

    with runs.run(), parallel.threads(4, "reader") as pool:
        futures = [pool.submit(runs.once, "key", read) for _n in range(6)]
        results = [future.result() for future in futures]
    assert results == [1] * 6  # read once for the whole run, from any thread
    assert reads[0].startswith("reader") and reads[0] != threading.current_thread().name


def test_background_calls_are_all_waited_for(side_by_side):
    done, lock = [], threading.Lock()

    def store(rows):
        with lock:
            done.extend(rows)

    with parallel.in_background(store, 2, "store") as run:
        for n in range(10):
            run([n])
    assert sorted(done) == list(range(10))


def test_a_failed_background_call_raises_when_the_block_ends(side_by_side):
    def store(rows):
        if rows == ["bad"]:
            raise ValueError("bad rows")

    with pytest.raises(ValueError, match="bad rows"):
        with parallel.in_background(store, 2, "store") as run:
            run(["good"])
            run(["bad"])
