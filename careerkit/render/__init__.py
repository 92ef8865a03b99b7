"""Records and reports -> Markdown, HTML, PDF (Typst), DOCX. Pure: models in, text or bytes
out; no database, no printing. Templates live in `templates/`."""
