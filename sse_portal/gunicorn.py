"""gunicorn's settings (``gunicorn -c python:sse_portal.gunicorn``), from the environment.

HOST (default 127.0.0.1) and PORT (8000) to listen on; WEB_CONCURRENCY worker processes (2),
GUNICORN_THREADS threads each (4); GUNICORN_TIMEOUT seconds before a stuck worker is replaced
(30). Access lines go to stdout in the same key=value format as the portal's own log, with the
request id django-guid returns.
"""

import os

wsgi_app = "sse_portal.wsgi:application"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
accesslog = "-"
errorlog = "-"
access_log_format = (
    "time=%(t)s level=INFO request=%({x-request-id}o)s logger=gunicorn.access "
    'message="%(r)s" status=%(s)s bytes=%(B)s duration_ms=%(M)s'
)
