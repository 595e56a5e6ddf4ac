"""Property: replicas that edit concurrently and exchange bundles duplicated, dropped and
reordered all converge to the same visible state, and no write is lost."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from coopdesk.db import models as m
from coopdesk.sync import state, versions
from tests.sync.helpers import COMMUNE_A, PROVINCE, Site, coop

SITES = [("l1", COMMUNE_A), ("l2", COMMUNE_A), ("p", PROVINCE)]

op = st.one_of(
    st.tuples(st.just("create"), st.integers(0, 2), st.integers(0, 99)),
    st.tuples(st.just("edit"), st.integers(0, 2), st.integers(0, 99)),
    st.tuples(st.just("delete"), st.integers(0, 2), st.integers(0, 99)),
    st.tuples(st.just("send"), st.integers(0, 2), st.integers(0, 2)),
    st.tuples(st.just("deliver"), st.integers(0, 99), st.booleans()),
)


def _held(site: Site) -> dict[str, set[tuple]]:
    """Every version held per coop (row, conflicts, waiting)."""
    with site.session() as s:
        table = m.Cooperative.__table__
        return {
            rid: {v.vv for v, _ in h.all()}
            for rid, h in state.held_versions(s, table, virtual=None).items()
        }


def _visible(site: Site) -> dict[str, tuple]:
    with site.session() as s:
        table = m.Cooperative.__table__
        return {
            rid: (
                h.row[0].vv,
                h.row[1]["name"],
                h.row[1]["deleted_at"],
                sorted(v.vv for v, _ in h.conflicts),
            )
            for rid, h in state.held_versions(s, table, virtual=None).items()
        }


@settings(
    max_examples=int(os.environ.get("COOPDESK_SYNC_EXAMPLES", "15")),
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking takes minutes here
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=st.lists(op, min_size=1, max_size=30))
def test_replicas_converge(template_data_dir: Path, ops: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sites = [Site(template_data_dir, Path(tmp), n, u) for n, u in SITES]
        try:
            _run(sites, ops)
        finally:
            for site in sites:
                site.engine.dispose()


def _run(sites: list[Site], ops: list[tuple]) -> None:
    mailbox: list[tuple[int, bytes]] = []  # (sender index, bundle) — never emptied: resends
    writes: list[tuple[str, tuple]] = []  # (record id, version made by a write)
    ids: list[str] = []
    for kind, a, b in ops:
        if kind == "create":
            # the province may add or correct the commune's records too
            rid = sites[a].add(m.Cooperative, **coop(f"HTX {b}"), unit_code=COMMUNE_A)
            ids.append(rid)
            writes.append(
                (rid, versions.Version.parse(sites[a].get(m.Cooperative, rid).version).vv)
            )
        elif kind in ("edit", "delete") and ids:
            rid = ids[b % len(ids)]
            if sites[a].get(m.Cooperative, rid) is None:
                continue
            change = (
                {"name": f"HTX {b} ({sites[a].name})"}
                if kind == "edit"
                else {"deleted_at": m.utcnow()}
            )
            sites[a].edit(m.Cooperative, rid, **change)
            writes.append(
                (rid, versions.Version.parse(sites[a].get(m.Cooperative, rid).version).vv)
            )
        elif kind == "send":
            if a == b:
                continue
            mailbox.append((b, sites[a].export(sites[b].unit)))
        elif kind == "deliver" and mailbox:
            to, data = mailbox[a % len(mailbox)]
            report = sites[to].receive(data)
            assert not report.refused, report.message
            if b:  # delivered twice
                assert sites[to].receive(data).already_imported
    # then everyone talks to everyone until quiet (deltas against acknowledgements)
    for _round in range(3):
        for i, src in enumerate(sites):
            for j, dst in enumerate(sites):
                if i != j:
                    report = dst.receive(src.export(dst.unit))
                    assert not report.refused, report.message
    views = [_visible(s) for s in sites]
    assert views[0] == views[1] == views[2]
    held = _held(sites[0])
    for rid, vv in writes:
        vector = dict(vv)
        assert any(
            all(dict(kept).get(k, 0) >= n for k, n in vector.items()) for kept in held[rid]
        ), f"write {vv} to {rid} lost"
