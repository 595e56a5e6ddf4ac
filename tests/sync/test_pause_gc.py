"""An import pauses the cycle collector and always resumes it, even when it is refused."""

from __future__ import annotations

import gc

import pytest

from coopdesk.db import models as m
from coopdesk.sync import importer
from coopdesk.sync.pause_gc import paused_gc
from tests.sync.helpers import COMMUNE_A, PROVINCE, coop


def test_the_collector_runs_again_after_the_block_and_an_error_in_it() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # only the outermost block resumes
        raise RuntimeError
    assert gc.isenabled()


def test_an_import_and_a_refused_one_leave_the_collector_running(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    a.add(m.Cooperative, **coop("HTX Hoa Ban"))
    assert p.receive(a.export(PROVINCE)).counts["new"] == 1
    assert gc.isenabled()
    with p.session() as s:
        report = importer.import_bundle(s, b"not a bundle", my_unit=p.unit, apply=True)
    assert report.refused
    assert gc.isenabled()
