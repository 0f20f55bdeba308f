"""gunicorn's settings (``gunicorn -c python:sse_portal.gunicorn``), from the environment.

HOST (default 127.0.0.1) and PORT (8000) to listen on; WEB_CONCURRENCY worker processes (2),
GUNICORN_THREADS threads each (4); GUNICORN_TIMEOUT seconds before a stuck worker is replaced
(30). gunicorn's lines and access lines go to stdout in the portal's own format, the access
lines with the request id django-guid returns.
"""

import logging
import os

from gunicorn.glogging import Logger

DATEFMT = "%Y-%m-%dT%H:%M:%S%z"  # as the portal's own lines (settings.LOGGING)


class LineLogger(Logger):
    """gunicorn's own lines and access lines in the portal's format: ``time=… level=… request=…
    logger=… message=…``, the message last."""

    error_fmt = "time=%(asctime)s level=%(levelname)s request=- logger=%(name)s message=%(message)s"
    datefmt = DATEFMT

    def setup(self, cfg):
        super().setup(cfg)
        for handler in self.access_log.handlers:
            handler.setFormatter(logging.Formatter("time=%(asctime)s level=INFO %(message)s", DATEFMT))


logger_class = LineLogger
wsgi_app = "sse_portal.wsgi:application"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
accesslog = "-"
errorlog = "-"
access_log_format = (
    "request=%({x-request-id}o)s logger=gunicorn.access status=%(s)s bytes=%(B)s duration_ms=%(M)s message=%(r)s"
)
