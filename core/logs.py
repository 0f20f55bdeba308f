"""Logging filters for the portal's one-line log format (settings.LOGGING)."""

import logging


class TracebackFor500sOnly(logging.Filter):
    """Keeps the traceback of a server error (status 500 and up, or no status) and drops it from
    Django's warnings about 4xx answers (a refused permission is not a fault to debug)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", 500) < 500:
            record.exc_info, record.exc_text = None, None
        return True
