"""Exports: the console's and the public site's lists as Excel (.xlsx) and CSV files.

Each export runs the page's own GraphQL field, page after page, as the caller: the data
scope, the masking and the permission are the page's by construction, never a copy.
"""
