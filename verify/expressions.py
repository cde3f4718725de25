"""The expression language of `[[check]]` and rule packs, parsed into a small tree.

    relation := sum ("==" | "!=" | "<" | "<=" | ">" | ">=") sum
    sum      := product (("+" | "-") product)*
    product  := unary (("*" | "/") unary)*
    unary    := ("-" | "+") unary | atom
    atom     := number | 'value string' | ref | func "(" args ")" | "(" sum ")"
    ref      := name ["." name]          func := abs | min | max | sum | convert

Parsed by hand, never by `eval`; the text's length, the nesting depth, the number of
operators and each number's exponent are bounded, so hostile input is a clear error,
not a RecursionError or an endless computation.
"""

from __future__ import annotations

import re
from fractions import Fraction

from verify.errors import InputError
from verify.exact import Exact
from verify.record import Record

# Long enough for sum() over a thousand claims; operators and nesting have their own bounds.
MAX_LENGTH = 20_000
MAX_ARGUMENTS = 5_000  # of sum, min and max: evaluated one after another, never nested
MAX_DEPTH = 50
# Operators chain without nesting: the tree of `1+1+...+1` is as deep as it is long,
# and is read and evaluated recursively.
MAX_OPERATORS = 200
FUNCTIONS = ("abs", "min", "max", "sum", "convert")
RELATIONS = ("==", "!=", "<=", ">=", "<", ">")

_TOKEN = re.compile(
    r"""\s*(?:
      (?P<number>\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)
    | (?P<string>"[^"]*"|'[^']*')
    | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)
    | (?P<op>==|!=|<=|>=|[-+*/(),<>])
    )""",
    re.VERBOSE,
)


class ExpressionError(InputError):
    """An expression that cannot be parsed; `column` is the 0-based offset in it."""


class Number(Record):
    __slots__ = ("value", "text")

    def __init__(self, value: Fraction, text: str) -> None:
        self.value, self.text = value, text


class Literal(Record):
    """A quoted value string, read by the value parser when evaluated: '4%'."""

    __slots__ = ("text", "column")

    def __init__(self, text: str, column: int) -> None:
        self.text, self.column = text, column


class Ref(Record):
    """A claim, as written: `claim_id` or `source_id.claim_id`."""

    __slots__ = ("name", "column")

    def __init__(self, name: str, column: int) -> None:
        self.name, self.column = name, column


class Unary(Record):
    __slots__ = ("op", "operand")

    def __init__(self, op: str, operand: Node) -> None:
        self.op, self.operand = op, operand


class Binary(Record):
    __slots__ = ("op", "left", "right")

    def __init__(self, op: str, left: Node, right: Node) -> None:
        self.op, self.left, self.right = op, left, right


class Call(Record):
    __slots__ = ("name", "args")

    def __init__(self, name: str, args: tuple[Node, ...]) -> None:
        self.name, self.args = name, args


class Relation(Record):
    __slots__ = ("op", "left", "right")

    def __init__(self, op: str, left: Node, right: Node) -> None:
        self.op, self.left, self.right = op, left, right


Node = Number | Literal | Ref | Unary | Binary | Call | Relation


def parse(text: str) -> Relation:
    """A relation between two sides; raises ExpressionError with the column of the fault."""
    if not isinstance(text, str):
        raise ExpressionError("an expression is a string, like \"a + b == c\"")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"an expression is at most {MAX_LENGTH} characters; split it into several checks")
    if not text.strip():
        raise ExpressionError("the expression is empty: write a relation such as \"a + b == c\"", column=0)
    parser = _Parser(text)
    left = parser.sum(0)
    op = parser.take(*RELATIONS)
    if op is None:
        if parser.at_end():
            raise ExpressionError("a check compares two sides: write, e.g., \"a + b == c\" "
                                  "(relations: == != < <= > >=)", column=len(text))
        parser.fail("expected an operator or a relation (== != < <= > >=)")
    right = parser.sum(0)
    if not parser.at_end():
        parser.fail("unexpected text after the relation; a check has one relation")
    return Relation(op, left, right)


def render(node: Node) -> str:
    """The expression as text again, with only the parentheses it needs."""
    if isinstance(node, Number):
        return node.text
    if isinstance(node, Literal):
        return repr(node.text)
    if isinstance(node, Ref):
        return node.name
    if isinstance(node, Unary):
        return f"{node.op}{_wrapped(node.operand, 3)}"
    if isinstance(node, Call):
        return f"{node.name}({', '.join(render(a) for a in node.args)})"
    if isinstance(node, Relation):
        return f"{render(node.left)} {node.op} {render(node.right)}"
    level = _LEVEL[node.op]
    # the right operand of - and / needs parentheses at its own level: a - (b - c)
    right_level = level + 1 if node.op in "-/" else level
    return f"{_wrapped(node.left, level)} {node.op} {_wrapped(node.right, right_level)}"


_LEVEL = {"+": 1, "-": 1, "*": 2, "/": 2}


def _wrapped(node: Node, level: int) -> str:
    text = render(node)
    if isinstance(node, Binary) and _LEVEL[node.op] < level:
        return f"({text})"
    return text


def literals(node: Node) -> list[Literal]:
    """The quoted values of a tree that are read as values (not convert's currency code)."""
    if isinstance(node, Literal):
        return [node]
    operands = node.args[:1] if isinstance(node, Call) and node.name == "convert" else children(node)
    return [lit for child in operands for lit in literals(child)]


def children(node: Node) -> tuple[Node, ...]:
    """The operands of a node, in reading order; none for a leaf."""
    if isinstance(node, Unary):
        return (node.operand,)
    if isinstance(node, (Binary, Relation)):
        return (node.left, node.right)
    if isinstance(node, Call):
        return node.args
    return ()


def refs(node: Node) -> list[Ref]:
    """Every claim reference in a tree, in order of appearance."""
    if isinstance(node, Ref):
        return [node]
    return [r for child in children(node) for r in refs(child)]


def sum_of(names: list[str]) -> Node:
    """`a + b + c` over claim references: the trees that rules build for totals.

    Balanced, so that a market of thousands of shares is a tree of depth log2(n), not a
    chain every recursive walk would have to descend (sums of exact intervals do not
    depend on the order they are added in)."""
    if len(names) == 1:
        return Ref(names[0], 0)
    middle = len(names) // 2
    return Binary("+", sum_of(names[:middle]), sum_of(names[middle:]))


def substitute(node: Node, names: dict[str, str]) -> Node:
    """The tree with each reference renamed by `names` (a rule pack's metrics → claim refs)."""
    # Built with each class itself, not `replace` (generic, and a rule renames a pack's
    # trees thousands of times); a node's fields are all given.
    if isinstance(node, Ref):
        return Ref(names.get(node.name, node.name), node.column)
    if isinstance(node, Unary):
        return Unary(node.op, substitute(node.operand, names))
    if isinstance(node, (Binary, Relation)):
        return type(node)(node.op, substitute(node.left, names), substitute(node.right, names))
    if isinstance(node, Call):
        return Call(node.name, tuple(substitute(a, names) for a in node.args))
    return node


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens: list[tuple[str, str, int]] = []
        pos = 0
        while pos < len(text):
            if text[pos:].strip() == "":
                break
            m = _TOKEN.match(text, pos)
            if m is None or m.lastgroup is None:
                start = len(text) - len(text[pos:].lstrip())
                raise ExpressionError(f"cannot read {text[start:start + 10]!r}: expressions use numbers, "
                                      "'quoted values', claim ids, + - * / ( ) and == != < <= > >=",
                                      column=start)
            self.tokens.append((m.lastgroup, m.group(m.lastgroup), m.start(m.lastgroup)))
            pos = m.end()
        self.i = 0
        self.operators = 0

    def at_end(self) -> bool:
        return self.i >= len(self.tokens)

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self, *ops: str) -> str | None:
        token = self.peek()
        if token and token[0] == "op" and token[1] in ops:
            self.i += 1
            return token[1]
        return None

    def fail(self, message: str):
        token = self.peek()
        column = token[2] if token else len(self.text)
        found = repr(token[1]) if token else "the end"
        raise ExpressionError(f"{message}, found {found}", column=column)

    def sum(self, depth: int) -> Node:
        node = self.product(depth)
        while (op := self.take("+", "-")) is not None:
            self.counted()
            node = Binary(op, node, self.product(depth))
        return node

    def product(self, depth: int) -> Node:
        node = self.unary(depth)
        while (op := self.take("*", "/")) is not None:
            self.counted()
            node = Binary(op, node, self.unary(depth))
        return node

    def counted(self) -> None:
        self.operators += 1
        if self.operators > MAX_OPERATORS:
            self.i -= 1
            self.fail(f"the expression has more than {MAX_OPERATORS} operators; split it into "
                      "several checks, or total many claims with sum(a, b, ...)")

    def unary(self, depth: int) -> Node:
        if depth > MAX_DEPTH:
            self.fail(f"the expression nests deeper than {MAX_DEPTH} levels; simplify it")
        if (op := self.take("-", "+")) is not None:
            return Unary(op, self.unary(depth + 1))
        return self.atom(depth)

    def atom(self, depth: int) -> Node:
        token = self.peek()
        if token is None:
            self.fail("expected a number, a 'quoted value', a claim id or (")
        kind, text, column = token
        if kind == "number":
            try:
                value = Exact(text)
            except ValueError as exc:
                raise ExpressionError(str(exc), column=column) from None
            self.i += 1
            return Number(value, text)
        if kind == "string":
            self.i += 1
            return Literal(text[1:-1], column + 1)
        if kind == "name":
            self.i += 1
            if text in FUNCTIONS:
                return self.call(text, depth)
            if self.peek() and self.peek()[1] == "(":
                self.i -= 1
                self.fail(f"unknown function {text!r}: the functions are {', '.join(FUNCTIONS)}")
            return Ref(text, column)
        if self.take("("):
            node = self.sum(depth + 1)
            if not self.take(")"):
                self.fail("expected )")
            return node
        self.fail("expected a number, a 'quoted value', a claim id or (")

    def call(self, name: str, depth: int) -> Call:
        if not self.take("("):
            self.fail(f"{name} takes its arguments in parentheses: {name}(a, b)")
        args = [self.sum(depth + 1)]
        while self.take(","):
            args.append(self.sum(depth + 1))
        if not self.take(")"):
            self.fail("expected , or )")
        wanted = {"abs": (1, 1), "convert": (2, 2)}.get(name, (1, MAX_ARGUMENTS))
        if not wanted[0] <= len(args) <= wanted[1]:
            count = ("one argument" if wanted == (1, 1) else "two arguments" if wanted == (2, 2)
                     else f"at most {MAX_ARGUMENTS:,} arguments; split the total into several checks")
            raise ExpressionError(f"{name} takes {count}", column=None)
        if name == "convert" and not isinstance(args[1], Literal):
            raise ExpressionError("convert takes a value and a currency code in quotes: convert(x, 'USD')")
        return Call(name, tuple(args))
