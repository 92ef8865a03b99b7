"""SQLite storage: opening, migrations, reading and writing records, full-text search.

Plain sqlite3 on the hot path (capture commands); sqlite-utils is imported only when a
migration has to run or a bulk operation wants it.
"""
