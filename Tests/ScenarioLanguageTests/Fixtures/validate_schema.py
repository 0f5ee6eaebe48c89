import json, re, sys, yaml, jsonschema

class Loader(yaml.SafeLoader):
    """YAML 1.2 core-like typing: only true/false are bools (PyYAML's YAML 1.1 turns `on:` into True)."""

Loader.yaml_implicit_resolvers = {}
Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^-?(?:0|[1-9][0-9]*)$"), list("-0123456789"))
Loader.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$"), list("-0123456789"))
Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
for tag in ["!any", "!absent"]:
    Loader.add_constructor(tag, lambda l, n, t=tag: t)
for tag in ["!type", "!regex"]:
    Loader.add_constructor(tag, lambda l, n, t=tag: t + " " + l.construct_scalar(n))
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
bad = 0
for path in sys.argv[2:]:
    for i, doc in enumerate(yaml.load_all(open(path), Loader=Loader)):
        if doc is None: continue
        for e in v.iter_errors(doc):
            bad += 1
            print(f"{path}#{i}: {list(e.absolute_path)}: {e.message[:300]}")
print("invalid" if bad else "valid")
sys.exit(1 if bad else 0)
