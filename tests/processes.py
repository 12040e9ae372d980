"""What a test can see of the processes this one started."""

import os


def children_of_this_process():
    """Process ids of this process's live children. Other tests may have left long-lived ones (the browser tests'
    Playwright driver lives for the whole session), so compare against a snapshot taken before, never with []."""
    with open(f"/proc/{os.getpid()}/task/{os.getpid()}/children") as children:
        return set(children.read().split())
