"""Campaign history (评查活动历史): a results store across campaigns, trends, recurrence and 零执法 lists.

Annual campaigns are compared year on year (domain.md: rectification follow-up, 整改), so a finished run's
contract files are recorded into a SQL database (SQLite by default, PostgreSQL by URL) and read back here.
"""

from __future__ import annotations

from reports.history.store import CampaignRecord, HistoryError, ensure_schema, record_run
from reports.history.trends import Trends, compute_trends

__all__ = ["CampaignRecord", "HistoryError", "Trends", "compute_trends", "ensure_schema", "record_run"]
