"""Stand-in for transformers.pipelines: the installed version's task list."""
from . import PIPELINE_TASKS


def get_supported_tasks():
    return sorted(PIPELINE_TASKS)
