"""The kernels ``make lab`` starts: without the one warning a newcomer cannot act on.

Each kernel start logs "Kernel is running over TCP without encryption": true, and harmless here,
because the kernel only listens on 127.0.0.1. Only that message is dropped; every other warning
and error of the kernel still shows.
"""

import logging


class _NoLoopbackTcpWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "running over TCP without encryption" not in record.getMessage()


logging.getLogger("IPKernelApp").addFilter(_NoLoopbackTcpWarning())
