import gc

import pytest

from verify import collector


def _state_inside():
    return gc.isenabled()


@pytest.fixture
def collecting():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_inside_and_back_on_after(collecting):
    assert collector.paused(_state_inside)() is False
    assert gc.isenabled()


def test_the_collector_comes_back_after_an_exception(collecting):
    @collector.paused
    def fails():
        raise ValueError("boom")

    with pytest.raises(ValueError):
        fails()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(collecting):
    gc.disable()
    try:
        assert collector.paused(_state_inside)() is False
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_load_and_check_run_with_the_collector_off(collecting, monkeypatch, tmp_path):
    from verify import check, load
    from verify.claimfile import loader
    from verify.rules import agreement

    seen = []

    def spy(owner, name):
        real = getattr(owner, name)

        def recorded(*args):
            seen.append((name, gc.isenabled()))
            return real(*args)
        monkeypatch.setattr(owner, name, recorded)

    spy(loader, "read_file")
    spy(agreement.AgreementRule, "run")
    (tmp_path / "a.toml").write_text('[source]\nid = "a"\n\n[[claim]]\nid = "r"\nentity = "X"\nmetric = "revenue"\n'
                                     'value = "$5 billion"\nperiod = "2023"\n')
    report = check(load([str(tmp_path)]))
    assert seen == [("read_file", False), ("run", False)]
    assert gc.isenabled()
    assert report.corpus.claims
