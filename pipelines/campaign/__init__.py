"""Running a real campaign around the review itself: drawing the sample (抽查) and assigning reviewers (交叉评查).

Plain Python and openpyxl only (no Prefect), so the CLI commands start fast and the flow can read a sample.
"""
