"""Bulk import of subjects, decisions and records (docs/import.md).

One concept per module, in the order a file goes through them:
- formats: reading JSON Lines, CSV and XLSX into rows with their lines, and writing the
  templates and examples (the columns with their Chinese headers);
- schema, reader, choices, validate: every row on its own, against one table per row kind;
- known, compare, plan: the rows against the file and the database, and what to create,
  update or skip;
- write, reevaluate: everything in one transaction, in bulk, then the touched subjects
  re-evaluated;
- report, run: the entry points and what they answer.

Idempotent: subjects are keyed by USCC or by the digest of the ID number, decisions by
(jurisdiction, document_no), records without a decision by `external_key`; a row already
imported with the same content is skipped, one that differs is an error.

Planning and writing take the rows of a kind as one batch (lists), never one row at a time.
"""

from credit.records.importer.reevaluate import reevaluate_many
from credit.records.importer.report import ImportReport
from credit.records.importer.rows import ImportIssue
from credit.records.importer.run import import_file, import_file_cli, import_rows

__all__ = [
    "ImportIssue",
    "ImportReport",
    "import_file",
    "import_file_cli",
    "import_rows",
    "reevaluate_many",
]
