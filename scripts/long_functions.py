#!/usr/bin/env python3
"""Lists C++ function bodies longer than a limit (default 80 lines) under the
given folders (default src/), longest first: `lines path:first-last name`.

A heuristic reader, not a compiler: comments, strings and character literals
are blanked, then a brace that follows a parameter list (outside another
function body) opens a function. Lambdas count toward the function they are in.
"""
import argparse
import pathlib
import re
import sys

LITERALS = re.compile(r'//[^\n]*|/\*.*?\*/|R"([^(\s]*)\(.*?\)\1"|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)
SCOPE = re.compile(r'\b(namespace|class|struct|union|enum)\b[^;{}()]*$')


def blank(text):
    """`text` with comments and literals replaced by spaces, keeping line breaks."""
    return LITERALS.sub(lambda m: re.sub(r'[^\n]', ' ', m.group(0)), text)


def functions(text):
    """Yields (name, first line, last line) of each function body in `text`."""
    code = blank(text)
    stack = []  # for each open brace: is it a function body (or inside one)?
    start = 0  # where the text before the next brace begins
    for i, c in enumerate(code):
        if c == '{':
            head = code[start:i]
            inside = bool(stack) and stack[-1][0]
            is_function = not inside and not SCOPE.search(head) and re.search(r'\)[^()]*$', head) and \
                not re.search(r'=\s*$', head)
            name = ''
            if is_function:
                m = re.search(r'([~\w:<>]+)\s*\([^()]*(?:\([^()]*\)[^()]*)*\)[^()]*$', head)
                name = m.group(1) if m else '?'
            stack.append((inside or bool(is_function), is_function, i, name))
            start = i + 1
        elif c == '}':
            if stack:
                _, is_function, opened, name = stack.pop()
                if is_function:
                    yield name, code.count('\n', 0, opened) + 1, code.count('\n', 0, i) + 1
            start = i + 1
        elif c == ';':
            start = i + 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('folders', nargs='*', default=['src'])
    parser.add_argument('--max', type=int, default=80, help='longest allowed body, in lines (default 80)')
    args = parser.parse_args()
    rows = []
    for folder in args.folders:
        for path in sorted(pathlib.Path(folder).rglob('*')):
            if path.suffix not in ('.cpp', '.hpp', '.h', '.cc'):
                continue
            for name, first, last in functions(path.read_text(errors='replace')):
                if last - first + 1 > args.max:
                    rows.append((last - first + 1, f'{path}:{first}-{last}', name))
    for lines, where, name in sorted(rows, reverse=True):
        print(f'{lines:5d} {where} {name}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
