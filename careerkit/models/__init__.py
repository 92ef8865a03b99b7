"""Models: the records, the career file, postings and reports. No I/O.

Import submodules directly (`careerkit.models.career`, `careerkit.models.kinds`): `kinds`
is plain data and stays cheap for the capture path; the rest use pydantic.
"""
