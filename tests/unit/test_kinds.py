"""Kinds are found from their modules: a new kind is one file in kinds/, listed nowhere else."""

from pathlib import Path

import bulletin.kinds as kinds_package
from bulletin.kinds import KINDS


def test_every_module_in_kinds_is_a_registered_kind():
    modules = sorted(p.stem for p in Path(kinds_package.__file__).parent.glob("*.py") if p.stem != "__init__")
    registered = sorted(kind.record.__module__.rsplit(".", 1)[1] for kind in KINDS.values())
    assert modules == registered


def test_kinds_come_in_their_declared_order():
    orders = [kind.order for kind in KINDS.values()]
    assert orders == sorted(orders) and len(set(orders)) == len(orders)


def test_every_kind_names_its_rows_by_a_required_text_field_first():
    for kind in KINDS.values():
        first = kind.fields[0]
        assert first.required and not first.type.summable, kind.key
