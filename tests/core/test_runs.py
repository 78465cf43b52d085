import threading

import pytest

from zhichan.core import runs


def test_outside_a_run_every_ask_reads():
    reads = []
    assert runs.once("k", lambda: reads.append(1) or len(reads)) == 1
    assert runs.once("k", lambda: reads.append(1) or len(reads)) == 2


def test_within_a_run_a_key_is_read_once_and_runs_do_not_share():
    reads = []

    def read():
        reads.append(1)
        return len(reads)

    with runs.run():
        assert runs.once("k", read) == 1
        assert runs.once("k", read) == 1
        assert runs.once("other", read) == 2
    with runs.run():
        assert runs.once("k", read) == 3


def test_threads_of_a_run_wait_for_the_first_read():
    started, release, reads, results = threading.Event(), threading.Event(), [], []

    def slow_read():
        reads.append(1)
        started.set()
        release.wait(5)
        return "read"

    def ask():
        results.append(runs.once("k", slow_read))

    with runs.run():
        first = threading.Thread(target=runs.in_run_context(ask))
        first.start()
        started.wait(5)
        second = threading.Thread(target=runs.in_run_context(ask))
        second.start()
        release.set()
        first.join(5)
        second.join(5)
    assert results == ["read", "read"]
    assert reads == [1]


def test_a_failed_read_is_not_kept():
    def fail():
        raise ValueError("no")

    with runs.run():
        with pytest.raises(ValueError):
            runs.once("k", fail)
        assert runs.once("k", lambda: "second try") == "second try"


def test_one_bound_function_runs_in_several_threads_at_once():
    barrier, results = threading.Barrier(2, timeout=5), []

    def ask():
        barrier.wait()  # both threads are inside the run's context at the same time
        results.append(runs.once("k", lambda: threading.current_thread().name))

    with runs.run():
        bound = runs.in_run_context(ask)
        threads = [threading.Thread(target=bound, name=f"t{i}") for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(5)
    assert len(results) == 2 and results[0] == results[1]
