"""Runs many Python scripts in this one process (so torch and friends are imported once) and
prints, as JSON, each one's exit status, standard output and standard error.

Usage: python3 runScripts.py < [[script, arg, ...], ...] (JSON on standard input)
"""
import contextlib
import io
import json
import runpy
import sys
import traceback


def run(script, args):
    stdout, stderr = io.StringIO(), io.StringIO()
    status = 0
    sys.argv = [script] + args
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            runpy.run_path(script, run_name='__main__')
        except SystemExit as done:
            if isinstance(done.code, int):
                status = done.code
            elif done.code is not None:
                print(done.code, file=sys.stderr)
                status = 1
        except BaseException:
            traceback.print_exc()
            status = 1
    return {'status': status, 'stdout': stdout.getvalue(), 'stderr': stderr.getvalue()}


def main():
    runs = json.load(sys.stdin)
    print(json.dumps([run(command[0], command[1:]) for command in runs]))


if __name__ == '__main__':
    main()
