"""The report written by ``framing demo`` and ``framing report``: text, CSV tables, figures, HTML."""
