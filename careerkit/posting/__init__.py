"""Posting text -> requirements -> verdicts with evidence. Pure: no database, no printing."""
