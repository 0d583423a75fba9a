"""Every action and stored value of the audit trail is named in Chinese for the console."""

from __future__ import annotations

import re
from pathlib import Path

from credit.audit import labels

_ASCII_WORD = re.compile(r"[A-Za-z_]{2,}")
_LITERAL = re.compile(r"run_(?:mutation|workflow)\(\s*info,\s*f?\"([a-z_]+)\.(\{?[a-z_.]+\}?)\"")


def test_every_named_action_reads_as_chinese() -> None:
    for action, label in labels.ACTIONS.items():
        assert not _ASCII_WORD.search(label.replace("API", "")), (action, label)


def test_every_action_literal_in_the_code_has_a_name() -> None:
    # given: the actions the mutations write (literal ones; f-strings give their object)
    root = Path(labels.__file__).parents[1]
    found = set()
    for path in root.rglob("*.py"):
        if "tests" in path.parts:
            continue
        for obj, verb in _LITERAL.findall(path.read_text()):
            found.add((obj, verb))
    # then: each is named, by the table or by its object and verb (never "其他" or "变更")
    assert found
    for obj, verb in found:
        if verb.startswith("{"):
            assert obj in labels.OBJECTS, obj
            continue
        label = labels.action_label(f"{obj}.{verb}")
        assert "其他" not in label and "变更" not in label, (obj, verb, label)


def test_a_change_is_labelled_fields_with_named_values() -> None:
    rows = labels.changes({"status": "submitted", "subject_id": 7}, {"status": "published"})
    assert [(c.label, c.before, c.after) for c in rows] == [
        ("状态", "待审核", "已公布"),
        ("主体编号", "7", None),
    ]
    assert labels.action_label("credit_record.publish") == "公布"
    assert labels.action_label("subject.create") == "主体·新建"
