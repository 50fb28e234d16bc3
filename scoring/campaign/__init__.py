"""Running a real campaign around the review itself: drawing the sample (抽查) and assigning reviewers (交叉评查).

Pure selection and assignment plus reading their workbooks back (ingest.workbook_rows); reports/ writes
sample.xlsx and assignment.xlsx, pipelines/campaign_cli.py runs the commands. Plain Python and openpyxl
only, so the CLI commands start fast and the flow can read a sample.
"""
