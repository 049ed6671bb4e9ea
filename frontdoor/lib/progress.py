"""Progress bars for commands that run longer than a few seconds (tqdm, on standard error,
so a command's own output on standard out stays clean for pipes and JSON)."""

import sys
from typing import Any

from tqdm import tqdm


def progress_bar(iterable: Any = None, enabled: bool = True, **options: Any) -> Any:
    """A tqdm bar: wraps `iterable`, or is a context manager with `.update(n)`; a silent one
    when not `enabled`."""
    return tqdm(iterable, disable=not enabled, file=sys.stderr, dynamic_ncols=True, **options)
