"""careerkit: an educator's career record, gap analysis against postings, and documents."""

__version__ = "0.2.0"
