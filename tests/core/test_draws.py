"""The one draw mechanism (core/draws.py): reproducible from the published pool and seed, never drawing the
excluded, never fewer than wanted, and recomputable by anyone from its definition."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from zhichan.core import draws

KEYS = st.text(alphabet="ABCDEFGHJKLMNPQRTUWXY0123456789", min_size=1, max_size=18)
STRATA = st.sampled_from(["A", "B", "C", "D", ""])


@st.composite
def pools(draw_):
    keys = draw_(st.lists(KEYS, min_size=1, max_size=40, unique=True))
    return [draws.Entry(key=key, stratum=draw_(STRATA)) for key in keys]


def _wanted(pool, share=2):
    counts = {}
    for entry in pool:
        counts[entry.stratum] = counts.get(entry.stratum, 0) + 1
    return {stratum: count // share for stratum, count in counts.items()}


@settings(max_examples=60, deadline=None)
@given(pools(), st.text(min_size=1, max_size=40))
def test_same_pool_and_seed_give_the_same_draw(pool, seed):
    wanted = _wanted(pool)
    assert draws.draw(pool, seed, wanted) == draws.draw(list(reversed(pool)), seed, wanted)


@settings(max_examples=60, deadline=None)
@given(pools(), st.text(min_size=1, max_size=40))
def test_per_stratum_counts_hold_and_the_excluded_are_never_drawn(pool, seed):
    excluded = {entry.key for entry in pool[::3]}
    eligible = [entry for entry in pool if entry.key not in excluded]
    wanted = _wanted(eligible)
    result = draws.draw(pool, seed, wanted, exclude=excluded)
    for stratum, count in wanted.items():
        assert len(result.drawn[stratum]) == count
        assert all(entry.stratum == stratum for entry in pool if entry.key in result.drawn[stratum])
    assert not excluded & set(result.keys)


@settings(max_examples=30, deadline=None)
@given(st.lists(KEYS, min_size=30, max_size=60, unique=True), st.text(min_size=1), st.text(min_size=1))
def test_different_seeds_almost_always_draw_differently(keys, seed, other):
    if seed == other:
        return
    pool = [draws.Entry(key) for key in keys]
    wanted = {"": 10}
    # Two seeds pick the same 10 of 30+ by chance with probability below 1 in 30 million.
    assert draws.draw(pool, seed, wanted).drawn != draws.draw(pool, other, wanted).drawn


def test_too_few_eligible_is_an_error_naming_both_numbers():
    pool = [draws.Entry("K1", "A"), draws.Entry("K2", "A"), draws.Entry("K3", "B")]
    with pytest.raises(ValidationError) as error:
        draws.draw(pool, "seed", {"A": 2}, exclude={"K1"})
    assert "2" in error.value.messages[0] and "1" in error.value.messages[0]


def test_the_definition_in_words_recomputes_the_draw():
    """Rank = SHA-256(seed LF key) as hex, lowest first: what the docs tell anyone to compute."""
    pool = [draws.Entry(f"91350583MA{n:08d}", "未评级") for n in range(20)]
    seed = "5f1c0d"
    by_hand = sorted(pool, key=lambda e: hashlib.sha256(f"{seed}\n{e.key}".encode()).hexdigest())[:4]
    assert draws.draw(pool, seed, {"未评级": 4}).drawn["未评级"] == [e.key for e in by_hand]


def test_replacement_takes_the_next_in_rank():
    pool = [draws.Entry(f"E{n}") for n in range(6)]
    result = draws.draw(pool, "s", {"": 2})
    nxt = draws.replacement(pool, "s", "", taken=result.keys)
    assert nxt == result.reserve[""][0]
    assert draws.replacement(pool, "s", "", taken=result.keys, exclude={nxt}) == result.reserve[""][1]
    with pytest.raises(ValidationError):
        draws.replacement(pool, "s", "", taken=[e.key for e in pool])


def test_pool_text_round_trips_and_verification_finds_tampering():
    pool = [draws.Entry("K1", "A"), draws.Entry("K2", "B"), draws.Entry("K3", "A")]
    text = draws.pool_text(pool)
    assert draws.parse_pool(text) == pool
    seed = draws.new_seed()
    result = draws.draw(pool, seed, {"A": 1, "B": 1})
    args = (text, draws.sha256(text), seed, draws.commitment(seed), {"A": 1, "B": 1})
    assert draws.verify(*args, result.keys) == []
    wrong = [key for key in ("K1", "K3") if key not in result.drawn["A"]] + result.drawn["B"]
    assert draws.verify(*args, wrong)
    assert draws.verify(text + "A\tK4\n", *args[1:], result.keys)
    with pytest.raises(ValidationError):
        draws.pool_text([draws.Entry("K1"), draws.Entry("K1")])
