"""Errors the course raises on purpose, with messages written for students and instructors."""

from __future__ import annotations


class DataError(Exception):
    """A course data file is missing, unreadable or does not match its schema.

    The message always names the file and, where it applies, the column, the row (as the
    line number in the CSV file, counting the header as line 1) and the problem.
    """


class ParameterError(ValueError):
    """A model parameter is unknown or outside its allowed range or choices."""
