"""wait_until: the provider's only way to wait for Graph, bounded by a deadline."""

from __future__ import annotations

import pytest

from constructs_xtap.provider import ConsistencyTimeout, wait_until


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_wait_until_returns_the_first_result_and_backs_off_between_checks() -> None:
    answers = iter([None, None, "ready"])
    fake = FakeTime()
    result = wait_until(
        lambda: next(answers),
        what="x",
        timeout=60,
        first_interval=1,
        max_interval=10,
        sleep=fake.sleep,
        clock=fake.clock,
    )
    assert result == "ready"
    assert fake.sleeps == [1, 2]


def test_wait_until_gives_up_before_the_deadline_would_pass() -> None:
    fake = FakeTime()
    with pytest.raises(ConsistencyTimeout) as caught:
        wait_until(
            lambda: None,
            what="Graph settling",
            timeout=10,
            first_interval=1,
            max_interval=4,
            sleep=fake.sleep,
            clock=fake.clock,
        )
    assert fake.sleeps == [1, 2, 4]  # 7 s spent; another 4 s would end past 10 s
    assert "Graph settling did not happen within 10 s (4 checks)" == str(caught.value)


def test_wait_until_lets_errors_from_the_check_through_at_once() -> None:
    fake = FakeTime()

    def failing() -> None:
        raise KeyError("boom")

    with pytest.raises(KeyError):
        wait_until(failing, what="x", timeout=10, sleep=fake.sleep, clock=fake.clock)
    assert fake.sleeps == []
