"""Reads a Python file and prints, as JSON, what the tests check about generated scripts: the
calls (dotted names), every identifier, every string constant and every comment.

Usage: python3 inspectPython.py FILE
"""
import ast
import io
import json
import sys
import tokenize


def dotted(node):
    """'torch.jit.load' for a chain of attributes on a name; '<expr>' for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return dotted(node.value) + '.' + node.attr
    return '<expr>'


def main(path):
    with open(path, encoding='utf-8') as source_file:
        source = source_file.read()
    tree = ast.parse(source, filename=path)
    calls, identifiers, strings = set(), set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            calls.add(dotted(node.func))
        if isinstance(node, ast.Name):
            identifiers.add(node.id)
        elif isinstance(node, ast.Attribute):
            identifiers.add(node.attr)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            identifiers.add(node.name)
        elif isinstance(node, ast.arg):
            identifiers.add(node.arg)
        elif isinstance(node, ast.keyword) and node.arg is not None:
            identifiers.add(node.arg)
        elif isinstance(node, ast.alias):
            identifiers.add(node.name)
            if node.asname:
                identifiers.add(node.asname)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            strings.append(node.value)
    comments = [
        token.string
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
    ]
    print(
        json.dumps(
            {
                'calls': sorted(calls),
                'identifiers': sorted(identifiers),
                'strings': strings,
                'comments': comments,
            }
        )
    )


if __name__ == '__main__':
    main(sys.argv[1])
