#!/usr/bin/env python3
"""The oracle of scripts/crosscheck.sh, written from LLVM's IR alone.

`slots IR.ll`: prints IR.ll plus, for every function with stack slots that
debug records name, a copy `@"xc.N"` whose slots are parameters instead,
so that LLVM's own function-attrs pass says (nocapture / captures(...))
whether each slot's address is captured.

`compare IR.ll ATTRS.ll YAML`: LLVM's verdicts (pointer parameters from
IR.ll's attributes, slots from the copies in ATTRS.ll) against the plugin's
YAML; prints the table and examples.

Nothing here reads the plugin's code or reuses its logic: names come from
the debug records (#dbg_declare, #dbg_assign, #dbg_value) of an ordinary
-O2 -g compile.
"""
import argparse
import collections
import os
import re
import sys

import yaml

NAME = r'(?:%[-\w.$]+|%"[^"]*")'
DEFINE = re.compile(r'^define\b(.*?)(@[-\w.$]+|@"[^"]*")\((.*)$')
ALLOCA = re.compile(r'^\s*(' + NAME + r') = alloca\b')
ASSIGN = re.compile(r'#dbg_assign\(.*?, (!\d+), !DIExpression\([^)]*\), '
                    r'(?:!\d+|!DIAssignID\(\)), ptr (' + NAME + r'), ')
DECLARE = re.compile(r'#dbg_declare\(ptr (' + NAME + r'), (!\d+),')
VALUE = re.compile(r'#dbg_value\(ptr (' + NAME + r'), (!\d+), '
                   r'!DIExpression\(\),')
DERIVED = re.compile(r'^\s*(' + NAME + r') = (?:getelementptr|bitcast|'
                     r'addrspacecast)\b.*? ptr (' + NAME + r')[,\s]')
METADATA = re.compile(r'^(!\d+) = (?:distinct )?(!\w+)\((.*)\)\s*$')
FIELD = re.compile(r'(\w+): ("(?:[^"\\]|\\.)*"|[^,]+)')


def fields(text):
    out = {}
    for key, value in FIELD.findall(text):
        out.setdefault(key, value.strip().strip('"'))
    return out


def split_params(text):
    """The parameters of a define line up to its closing parenthesis, and
    the rest of the line."""
    depth, start, params = 0, 0, []
    for i, c in enumerate(text):
        if c in '([{<':
            depth += 1
        elif c in ')]}>':
            if depth == 0:
                if text[start:i].strip():
                    params.append(text[start:i].strip())
                return params, text[i + 1:]
            depth -= 1
        elif c == ',' and depth == 0:
            params.append(text[start:i].strip())
            start = i + 1
    return params, ''


class Function:
    def __init__(self, name, params, head, tail, start):
        self.name = name.strip('@').strip('"')
        self.params = params  # [(text, %name)]
        self.head = head
        self.tail = tail
        self.start = start
        m = re.search(r'!dbg (!\d+)', tail)
        self.subprogram = m.group(1) if m else None
        self.groups = re.findall(r'(?<![\w!])#(\d+)', tail)
        self.optnone = False  # set once the attribute groups are read
        self.lines = []
        self.allocas = []
        self.derived = {}  # %value -> %base (address arithmetic)
        self.slot_vars = collections.defaultdict(set)  # %alloca -> {!var}
        self.arg_vars = collections.defaultdict(set)   # %arg -> {!var}
        self.value_vars = set()  # variables with a #dbg_value somewhere

    def base(self, value):
        seen = set()
        while value in self.derived and value not in seen:
            seen.add(value)
            value = self.derived[value]
        return value


def read_ir(path):
    metadata, functions = {}, []
    optnone_groups = set()
    current = None
    with open(path) as f:
        for number, line in enumerate(f):
            line = line.rstrip('\n')
            if current is None:
                m = DEFINE.match(line)
                if m:
                    params, tail = split_params(m.group(3))
                    named = [(p, p.split()[-1]) for p in params]
                    current = Function(m.group(2), named, m.group(1), tail,
                                       number)
                    continue
                m = METADATA.match(line)
                if m:
                    metadata[m.group(1)] = (m.group(2), fields(m.group(3)))
                m = re.match(r'^attributes #(\d+) = \{(.*)\}', line)
                if m and re.search(r'\boptnone\b', m.group(2)):
                    optnone_groups.add(m.group(1))
                continue
            if line == '}':
                functions.append(current)
                current = None
                continue
            current.lines.append(line)
            m = ALLOCA.match(line)
            if m:
                current.allocas.append(m.group(1))
            m = DERIVED.match(line)
            if m:
                current.derived[m.group(1)] = m.group(2)
            for var, address in ASSIGN.findall(line):
                current.slot_vars[address].add(var)
            for address, var in DECLARE.findall(line):
                current.slot_vars[address].add(var)
            for value, var in VALUE.findall(line):
                current.arg_vars[value].add(var)
            if '#dbg_value(' in line:
                m = re.search(r'#dbg_value\(.*?, (!\d+), !DIExpression', line)
                if m:
                    current.value_vars.add(m.group(1))
    # optnone functions (`#pragma clang optimize off`) are not optimized:
    # LLVM infers nothing about them, so there is nothing to compare.
    skipped = {fn.name for fn in functions if set(fn.groups) & optnone_groups}
    functions = [fn for fn in functions if fn.name not in skipped]
    for fn in functions:
        slots = collections.defaultdict(set)
        for address, var in fn.slot_vars.items():
            slots[fn.base(address)] |= var
        fn.slot_vars = {a: v for a, v in slots.items() if a in fn.allocas}
    return metadata, functions, skipped


def variable(metadata, ref):
    """(name, file, line, is_parameter, in_system_header) of a
    DILocalVariable."""
    kind, f = metadata.get(ref, ('', {}))
    if kind != '!DILocalVariable' or 'name' not in f:
        return None
    file_kind, file_fields = metadata.get(f.get('file', ''), ('', {}))
    name = file_fields.get('filename', '')
    directory = file_fields.get('directory', '')
    system = (name.startswith('/usr/') or
              (not name.startswith('/') and directory.startswith('/usr/')))
    return (f['name'], os.path.basename(name), int(f.get('line', '0')),
            'arg' in f, system)


# --- slots: turn named stack slots into parameters --------------------------

ATTACHMENT = re.compile(r', !(?:dbg|DIAssignID|llvm\.loop|annotation) !\d+')
LIFETIME = re.compile(r'call void @llvm\.lifetime\.(?:start|end)\.p0\(.*ptr '
                      r'(?:nonnull )?(' + NAME + r')\)')


def slot_copy(index, fn):
    slots = [a for a in fn.allocas if a in fn.slot_vars]
    ret = re.sub(r'\b(?:internal|private|linkonce_odr|linkonce|weak_odr|weak|'
                 r'available_externally|dso_local|hidden|protected|'
                 r'external|extern_weak)\b', '', fn.head)
    params = [p for p, _ in fn.params if p != '...']
    params += ['ptr ' + s for s in slots]
    if any(p == '...' for p, _ in fn.params):
        params.append('...')
    personality = re.search(r'personality ptr (@[-\w.$]+|@"[^"]*")',
                            fn.tail)
    out = ['define %s @"xc.%d"(%s) %s{' % (
        ret.strip(), index, ', '.join(params),
        personality.group(0) + ' ' if personality else '')]
    drop = set(slots)
    for line in fn.lines:
        m = ALLOCA.match(line)
        if m and m.group(1) in drop:
            continue
        if line.lstrip().startswith('#dbg_'):
            continue
        m = LIFETIME.search(line)
        if m and fn.base(m.group(1)) in drop:
            continue
        out.append(ATTACHMENT.sub('', line))
    out.append('}')
    return out, slots


def cmd_slots(args):
    _, functions, _ = read_ir(args.ir)
    with open(args.ir) as f:
        sys.stdout.write(f.read())
    for index, fn in enumerate(functions):
        if not fn.slot_vars:
            continue
        lines, slots = slot_copy(index, fn)
        print('; crosscheck slots of @%s: %s' % (fn.name, ' '.join(slots)))
        print('\n'.join(lines))


# --- compare ----------------------------------------------------------------

def captured(param_text, major):
    """LLVM's verdict on one parameter from its attributes: True when the
    pointer (its provenance) may be captured."""
    if re.search(r'\bnocapture\b', param_text):
        return False
    m = re.search(r'\bcaptures\(([^)]*)\)', param_text)
    if m:
        return 'provenance' in m.group(1)
    return True


def llvm_verdicts(metadata, functions, attrs_path):
    """{(function, name, file, line): {escapes}} for pointer parameters and
    for named slots, plus the debug variables each function still has."""
    params, slots = collections.defaultdict(set), collections.defaultdict(set)
    names = {}
    copies = {}
    with open(attrs_path) as f:
        for line in f:
            m = DEFINE.match(line)
            name = m.group(2).strip('@"') if m else ''
            if name.startswith('xc.'):
                index = int(name[3:])
                copies[index] = split_params(m.group(3))[0]
    args_of = collections.defaultdict(dict)  # subprogram -> {arg: !var}
    for ref, (kind, f) in metadata.items():
        if kind == '!DILocalVariable' and 'arg' in f:
            args_of[f.get('scope')][int(f['arg'])] = ref
    known = {}
    for index, fn in enumerate(functions):
        # Every variable the function's records still describe, and how:
        # in a slot (#dbg_declare/#dbg_assign) or as a value.
        kinds = collections.defaultdict(set)
        for group in fn.slot_vars.values():
            for v in group:
                kinds[variable(metadata, v)].add('slot')
        for v in fn.value_vars | set().union(*fn.arg_vars.values()):
            kinds[variable(metadata, v)].add('value')
        own_args = args_of.get(fn.subprogram, {})
        for v in own_args.values():
            kinds[variable(metadata, v)].add('parameter')
        kinds.pop(None, None)
        known[fn.name] = kinds
        # Pointer parameters, named by the #dbg_value that describes them,
        # else by position when the IR has exactly the source's parameters.
        by_position = (len(own_args) == len(fn.params) and
                       set(own_args) == set(range(1, len(fn.params) + 1)) and
                       not any('sret' in t for t, _ in fn.params))
        for position, (text, name) in enumerate(fn.params):
            if not text.startswith('ptr '):
                continue
            own = [v for v in fn.arg_vars.get(name, ())
                   if metadata.get(v, ('', {}))[1].get('scope') ==
                   fn.subprogram]
            if not own and by_position:
                own = [own_args[position + 1]]
            described = {variable(metadata, v) for v in own} - {None}
            described = {v for v in described if v[3]}
            if len(described) != 1:
                continue
            var = next(iter(described))
            if var[4]:
                continue
            params[(fn.name,) + var[:3]].add(captured(text, 0))
        # Named slots: one verdict per slot from its copy's parameter.
        copy = copies.get(index)
        if copy is None:
            continue
        by_name = {p.split()[-1]: p for p in copy}
        for slot, group in fn.slot_vars.items():
            text = by_name.get(slot)
            if text is None:
                continue
            found = sorted({variable(metadata, v) for v in group} - {None})
            found = [v for v in found if not v[4]]
            if not found:
                continue
            key = (fn.name, tuple(sorted({v[0] for v in found}))) + \
                found[0][1:3]
            slots[key].add(captured(text, 0))
            names[key] = found
    return params, slots, known


def plugin_verdicts(yaml_path):
    params, slots = collections.defaultdict(set), collections.defaultdict(set)
    spellings = collections.defaultdict(set)
    kinds = {'LeakingParam': (params, True, 'Param'),
             'ParamNoEscape': (params, False, 'Param'),
             'LocalEscapes': (slots, True, 'Var'),
             'LocalNoEscape': (slots, False, 'Var')}
    with open(yaml_path) as f:
        text = f.read()
    loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)
    # The documents carry LLVM's remark tags (!Missed, !Passed, ...).
    for tag in ('!Missed', '!Passed', '!Analysis', '!Failure'):
        text = text.replace('--- ' + tag + '\n', '---\n')
    for doc in yaml.load_all(text, Loader=loader):
        if not doc:
            continue
        loc = doc.get('DebugLoc') or {}
        if loc.get('File'):
            spellings[os.path.basename(loc['File'])].add(loc['File'])
        kind = kinds.get(doc.get('Name'))
        if not kind:
            continue
        table, escapes, key = kind
        name = None
        for arg in doc.get('Args', []):
            if key in arg:
                name = str(arg[key])
        table[(doc.get('Function'), name, os.path.basename(loc.get('File', '')),
               int(loc.get('Line', 0)))].add(escapes)
    return params, slots, spellings


def compare(oracle, plugin, known, slot_keys):
    """Categories and examples. Oracle keys of slots carry a tuple of
    acceptable names."""
    result = collections.OrderedDict(
        (k, []) for k in ('agree', 'opposite', 'wrong name', 'wrong line',
                          'not reported', 'unverified'))
    matched = set()
    by_function = collections.defaultdict(list)
    for key in plugin:
        by_function[(key[0], key[1])].append(key)
    for key, verdict in sorted(oracle.items()):
        fn, names, file, line = key
        names = names if slot_keys else (names,)
        hit = [(fn, n, file, line) for n in names
               if (fn, n, file, line) in plugin]
        if hit:
            matched.update(hit)
            mine = set().union(*(plugin[h] for h in hit))
            result['agree' if mine == verdict else 'opposite'].append(
                (key, verdict, mine))
            continue
        others = [k for n in names for k in by_function.get((fn, n), [])]
        if others:
            matched.update(others)
            result['wrong line'].append((key, others))
        else:
            result['not reported'].append((key, verdict))
    for key in sorted(set(plugin) - matched, key=str):
        fn, name, file, line = key
        kinds = set()
        for var, how in known.get(fn, {}).items():
            if var[0] == name and var[1] == file and var[2] == line:
                kinds |= how
        if not kinds:
            result['wrong name'].append(
                (key, 'no variable of that name and line in the function'))
        elif slot_keys and 'slot' not in kinds and 'value' in kinds:
            result['wrong name'].append(
                (key, 'LLVM keeps that variable in registers here'))
        else:
            result['unverified'].append(
                (key, 'LLVM\'s records do not place it'))
    return result


def describe(entry):
    key = entry[0]
    fn, name, file, line = key
    if isinstance(name, tuple):
        name = '/'.join(name)
    extra = ''
    if len(entry) > 2:
        extra = ' (LLVM: %s, plugin: %s)' % (fmt(entry[1]), fmt(entry[2]))
    elif len(entry) == 2 and isinstance(entry[1], list):
        extra = ' (plugin at %s)' % ', '.join('%s:%d' % (k[2], k[3])
                                              for k in entry[1])
    elif len(entry) == 2 and isinstance(entry[1], str):
        extra = ' (%s)' % entry[1]
    elif len(entry) == 2:
        extra = ' (LLVM: %s)' % fmt(entry[1])
    return "%s:%d '%s' in %s%s" % (file, line, name, fn, extra)


def fmt(verdicts):
    return '/'.join('escapes' if v else 'does not escape'
                    for v in sorted(verdicts))


def cmd_compare(args):
    metadata, functions, skipped = read_ir(args.ir)
    oracle_params, oracle_slots, known = llvm_verdicts(metadata, functions,
                                                       args.attrs)
    plugin_params, plugin_slots, spellings = plugin_verdicts(args.yaml)
    dropped = 0
    for table in (plugin_params, plugin_slots):
        for key in [k for k in table if k[0] in skipped]:
            del table[key]
            dropped += 1
    tables = [('pointer parameters',
               compare(oracle_params, plugin_params, known, False),
               len(oracle_params)),
              ('named stack slots',
               compare(oracle_slots, plugin_slots, known, True),
               len(oracle_slots))]
    print('== %s' % args.title)
    header = ['', 'LLVM', 'agree', 'opposite', 'wrong name', 'wrong line',
              'not reported', 'unverified', 'coverage']
    print('| ' + ' | '.join(header) + ' |')
    print('|' + '---|' * len(header))
    for title, result, total in tables:
        reported = len(result['agree']) + len(result['opposite'])
        coverage = 100.0 * reported / total if total else 100.0
        cells = [title, str(total)] + [str(len(v)) for v in result.values()]
        cells.append('%.1f%%' % coverage)
        print('| ' + ' | '.join(cells) + ' |')
    if skipped:
        print('skipped: %d optnone functions (LLVM infers nothing there), '
              '%d plugin verdicts in them' % (len(skipped), dropped))
    many = {b: s for b, s in spellings.items() if len(s) > 1}
    print('file spellings: %d files, %d spelled more than one way%s' % (
        len(spellings), len(many),
        ''.join('\n  %s: %s' % (b, ', '.join(sorted(s)))
                for b, s in sorted(many.items())[:args.examples])))
    for title, result, _ in tables:
        for category, entries in result.items():
            if category == 'agree' or not entries:
                continue
            print('%s, %s:' % (title, category))
            for entry in entries[:args.examples]:
                print('  ' + describe(entry))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    sub = parser.add_subparsers(dest='command', required=True)
    slots = sub.add_parser('slots')
    slots.add_argument('ir')
    comp = sub.add_parser('compare')
    comp.add_argument('--examples', type=int, default=5)
    comp.add_argument('--title', default='')
    comp.add_argument('ir')
    comp.add_argument('attrs')
    comp.add_argument('yaml')
    args = parser.parse_args()
    try:
        {'slots': cmd_slots, 'compare': cmd_compare}[args.command](args)
    except (OSError, yaml.YAMLError) as error:
        print('crosscheck: error: %s' % error, file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main())
