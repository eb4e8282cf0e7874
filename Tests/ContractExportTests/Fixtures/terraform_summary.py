"""Reads a Terraform export with python-hcl2 and a CloudFormation template with PyYAML, and prints
what each deploys in one comparable form (JSON), so the tests can require them to be equal.

    python3 terraform_summary.py TERRAFORM_DIR CLOUDFORMATION_YAML [CONTRACT_JSON]

Prints {"files": [...], "terraform": {...}, "cloudformation": {...}} and, with a contract,
"terraform_contract" (the Terraform tables in the contract's terms) and "contract". Each summary
holds, per model table name: key attributes, keys, GSIs (keys, projection, capacity), LSIs,
billing, table class, TTL, stream, PITR, encryption and deletion protection; then the IAM
statements (actions and the tables and indexes they name), the prod backup selection and the
environments. Every .tf and .tfvars file must parse, or the script fails.
"""
import json
import os
import sys

import hcl2
import yaml


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def template_literal(text):
    """A Terraform template's literal text with its escapes resolved: `${"$"}` is `$`, `${"%"}` is
    `%` (how the export writes a `$` or `%` that would open a template sequence), and HCL's own
    `$${` and `%%{` are `${` and `%{`. python-hcl2 resolves the backslash escapes itself."""
    out, index = [], 0
    while index < len(text):
        if text.startswith('${"$"}', index) or text.startswith('${"%"}', index):
            out.append(text[index + 3])
            index += 6
        elif text.startswith("$${", index) or text.startswith("%%{", index):
            out.append(text[index + 1 : index + 3])
            index += 3
        else:
            out.append(text[index])
            index += 1
    return "".join(out)


def strip(text, prefix, suffix):
    if not (text.startswith(prefix) and text.endswith(suffix)):
        fail(f"{text!r} is not {prefix}...{suffix}")
    return text[len(prefix) : len(text) - len(suffix)]


# MARK: Terraform


def load_terraform(folder):
    options = hcl2.SerializationOptions(strip_string_quotes=True, explicit_blocks=False, with_comments=False)
    files, merged = [], {}
    for root, _, names in sorted(os.walk(folder)):
        for name in sorted(names):
            if not name.endswith((".tf", ".tfvars")):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as handle:
                try:
                    parsed = hcl2.loads(handle.read(), serialization_options=options)
                except Exception as error:  # any parse error fails the test with the file named
                    fail(f"{path} does not parse with python-hcl2: {error}")
            files.append(os.path.relpath(path, folder))
            if name.endswith(".tf"):
                for key, value in parsed.items():
                    merged.setdefault(key, []).extend(value if isinstance(value, list) else [value])
            else:
                merged.setdefault("tfvars", {})[os.path.relpath(path, folder)] = parsed
    return files, merged


def blocks(config, kind, type_name):
    """{label: body} of every `kind "type_name" "label"` block."""
    result = {}
    for entry in config.get(kind, []):
        for body in entry.get(type_name, {}).items() if type_name in entry else []:
            result[body[0]] = body[1]
    return result


def reference(text):
    """`${aws_dynamodb_table.users.arn}` -> 'users'; with `/index/NAME` -> ('users', NAME)."""
    head = "${aws_dynamodb_table."
    if not text.startswith(head):
        fail(f"not a table reference: {text!r}")
    label, rest = text[len(head) :].split(".arn}", 1)
    return label, (rest[len("/index/") :] if rest else None)


def terraform_summary(config):
    tables = blocks(config, "resource", "aws_dynamodb_table")
    names = {}
    summary = {"tables": {}}
    locals_ = {}
    for entry in config.get("locals", []):
        locals_.update(entry)
    if locals_.get("is_prod") != '${var.environment == "prod"}':
        fail(f"local.is_prod is {locals_.get('is_prod')!r}")
    for label, table in tables.items():
        name = strip(template_literal(table["name"]), "${var.table_prefix}", "-${var.environment}")
        names[label] = name
        mode = table["billing_mode"]
        gsis = []
        for index in table.get("global_secondary_index", []):
            schema = index.get("key_schema", [])
            gsis.append({
                "name": template_literal(index["name"]),
                "hash": [template_literal(k["attribute_name"]) for k in schema if k["key_type"] == "HASH"],
                "range": [template_literal(k["attribute_name"]) for k in schema if k["key_type"] == "RANGE"],
                "projection": index["projection_type"],
                "non_key": [template_literal(a) for a in index.get("non_key_attributes", [])],
                "read": index.get("read_capacity"),
                "write": index.get("write_capacity"),
            })
        lsis = [{
            "name": template_literal(index["name"]),
            "range": template_literal(index["range_key"]),
            "projection": index["projection_type"],
            "non_key": [template_literal(a) for a in index.get("non_key_attributes", [])],
        } for index in table.get("local_secondary_index", [])]
        ttl = table.get("ttl", [{}])[0]
        summary["tables"][name] = {
            "attributes": [[template_literal(a["name"]), a["type"]] for a in table.get("attribute", [])],
            "key": [template_literal(table["hash_key"])] + ([template_literal(table["range_key"])] if "range_key" in table else []),
            "billing": {"mode": mode, "read": table.get("read_capacity"), "write": table.get("write_capacity")},
            "table_class": table["table_class"],
            "gsis": gsis,
            "lsis": lsis,
            "ttl": template_literal(ttl["attribute_name"]) if ttl.get("enabled") is True else None,
            "stream": table["stream_view_type"] if table.get("stream_enabled") is True else None,
            "pitr": table["point_in_time_recovery"][0]["enabled"] is True,
            "sse": table["server_side_encryption"][0]["enabled"] is True,
            "deletion_protection": "prod" if table.get("deletion_protection_enabled") == "${local.is_prod}" else table.get("deletion_protection_enabled"),
        }
    documents = blocks(config, "data", "aws_iam_policy_document")
    statements = {}
    access = documents.get("access", {}).get("source_policy_documents", [])
    policies = blocks(config, "resource", "aws_iam_policy")
    if access and policies.get("access", {}).get("policy") != "${data.aws_iam_policy_document.access.json}":
        fail("aws_iam_policy.access does not use the access document")
    for source in access:
        label = strip(source, "${data.aws_iam_policy_document.", ".json}")
        for statement in documents[label].get("statement", []):
            resources = []
            for text in statement["resources"]:
                table, index = reference(template_literal(text))
                resources.append(["table", names[table]] if index is None else ["index", names[table], index])
            statements[statement["sid"]] = {"effect": statement["effect"], "actions": statement["actions"], "resources": resources}
    summary["iam"] = statements
    selection = blocks(config, "resource", "aws_backup_selection").get("tables", {})
    plan = blocks(config, "resource", "aws_backup_plan").get("hourly", {})
    rule = plan.get("rule", [{}])[0]
    prod_only = all(
        body.get("count") == "${local.is_prod ? 1 : 0}"
        for kind in ("aws_backup_vault", "aws_backup_plan", "aws_backup_selection", "aws_iam_role")
        for body in blocks(config, "resource", kind).values()
    )
    summary["backup"] = {
        "tables": [names[reference(text)[0]] for text in selection.get("resources", [])],
        "schedule": rule.get("schedule"),
        "delete_after_days": rule.get("lifecycle", [{}])[0].get("delete_after"),
        "prod_only": prod_only,
    }
    environment = [v for entry in config.get("variable", []) for k, v in entry.items() if k == "environment"][0]
    summary["environments"] = {
        "default": environment["default"],
        "allowed": sorted(name[: -len(".tfvars")].split("/")[-1] for name in config.get("tfvars", {})),
    }
    for name, values in config.get("tfvars", {}).items():
        if values.get("environment") != name.split("/")[-1][: -len(".tfvars")]:
            fail(f"{name} sets environment {values.get('environment')!r}")
    return summary


# MARK: CloudFormation


def load_cloudformation(path):
    class Loader(yaml.SafeLoader):
        pass

    def tagged(loader, suffix, node):
        if isinstance(node, yaml.ScalarNode):
            value = loader.construct_scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node, deep=True)
        else:
            value = loader.construct_mapping(node, deep=True)
        return {"!" + suffix: value}

    Loader.add_multi_constructor("!", tagged)
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle.read(), Loader=Loader)


def cloudformation_summary(template):
    resources = template["Resources"]
    names = {}
    summary = {"tables": {}}
    for logical_id, resource in resources.items():
        if resource["Type"] != "AWS::DynamoDB::Table":
            continue
        properties = resource["Properties"]
        name = strip(properties["TableName"]["!Sub"].replace("${!", "${"), "${TablePrefix}", "-${Environment}")
        names[logical_id] = name

        def projection(index):
            return index["Projection"]["ProjectionType"], index["Projection"].get("NonKeyAttributes", [])

        gsis = []
        for index in properties.get("GlobalSecondaryIndexes", []):
            kind, non_key = projection(index)
            throughput = index.get("ProvisionedThroughput", {})
            gsis.append({
                "name": index["IndexName"],
                "hash": [k["AttributeName"] for k in index["KeySchema"] if k["KeyType"] == "HASH"],
                "range": [k["AttributeName"] for k in index["KeySchema"] if k["KeyType"] == "RANGE"],
                "projection": kind,
                "non_key": non_key,
                "read": throughput.get("ReadCapacityUnits"),
                "write": throughput.get("WriteCapacityUnits"),
            })
        lsis = []
        for index in properties.get("LocalSecondaryIndexes", []):
            kind, non_key = projection(index)
            lsis.append({
                "name": index["IndexName"],
                "range": [k["AttributeName"] for k in index["KeySchema"] if k["KeyType"] == "RANGE"][0],
                "projection": kind,
                "non_key": non_key,
            })
        throughput = properties.get("ProvisionedThroughput", {})
        ttl = properties.get("TimeToLiveSpecification", {})
        protection = properties.get("DeletionProtectionEnabled")
        summary["tables"][name] = {
            "attributes": [[a["AttributeName"], a["AttributeType"]] for a in properties["AttributeDefinitions"]],
            "key": [k["AttributeName"] for k in properties["KeySchema"]],
            "billing": {"mode": properties["BillingMode"], "read": throughput.get("ReadCapacityUnits"), "write": throughput.get("WriteCapacityUnits")},
            "table_class": properties["TableClass"],
            "gsis": gsis,
            "lsis": lsis,
            "ttl": ttl["AttributeName"] if ttl.get("Enabled") is True else None,
            "stream": properties.get("StreamSpecification", {}).get("StreamViewType"),
            "pitr": properties["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"] is True,
            "sse": properties["SSESpecification"]["SSEEnabled"] is True,
            "deletion_protection": "prod" if protection == {"!If": ["IsProd", True, False]} else protection,
        }
    statements = {}
    policy = resources.get("AccessPolicy")
    for statement in policy["Properties"]["PolicyDocument"]["Statement"] if policy else []:
        targets = []
        for resource in statement["Resource"]:
            if "!GetAtt" in resource:
                targets.append(["table", names[strip(resource["!GetAtt"], "", ".Arn")]])
            else:
                logical_id, index = resource["!Sub"].split(".Arn}/index/", 1)
                targets.append(["index", names[logical_id[2:]], index.replace("${!", "${")])
        statements[statement["Sid"]] = {"effect": statement["Effect"], "actions": statement["Action"], "resources": targets}
    summary["iam"] = statements
    selection = resources.get("BackupSelection", {}).get("Properties", {}).get("BackupSelection", {})
    rule = resources.get("BackupPlan", {}).get("Properties", {}).get("BackupPlan", {}).get("BackupPlanRule", [{}])[0]
    summary["backup"] = {
        "tables": [names[strip(r["!GetAtt"], "", ".Arn")] for r in selection.get("Resources", [])],
        "schedule": rule.get("ScheduleExpression"),
        "delete_after_days": rule.get("Lifecycle", {}).get("DeleteAfterDays"),
        "prod_only": all(resources[r].get("Condition") == "IsProd" for r in ("BackupVault", "BackupRole", "BackupPlan", "BackupSelection") if r in resources),
    }
    environment = template["Parameters"]["Environment"]
    summary["environments"] = {"default": environment["Default"], "allowed": sorted(environment["AllowedValues"])}
    return summary


# MARK: Contract


def contract_view(tables):
    """Tables, keys and GSI keys as the contract states them (a multi-attribute key as `a#b`)."""
    view = {}
    for name, table in tables.items():
        entry = {"pk": table["key"][0], "sk": table["key"][1] if len(table["key"]) > 1 else None, "gsis": []}
        for index in table["gsis"]:
            entry["gsis"].append({"name": index["name"], "pk": "#".join(index["hash"]), "sk": "#".join(index["range"]) or None})
        view[name] = entry
    return view


def contract_summary(path):
    with open(path, encoding="utf-8") as handle:
        entries = json.load(handle)
    view = {}
    for entry in entries:
        if entry["type"] != "Table":
            continue
        view[entry["table"]] = {
            "pk": entry["pk"],
            "sk": entry.get("sk"),
            "gsis": [{"name": g["name"], "pk": g["pk"], "sk": g.get("sk")} for g in entry.get("gsis", [])],
        }
    return view


def main():
    if len(sys.argv) not in (3, 4):
        fail(__doc__)
    files, config = load_terraform(sys.argv[1])
    terraform = terraform_summary(config)
    result = {"files": files, "terraform": terraform, "cloudformation": cloudformation_summary(load_cloudformation(sys.argv[2]))}
    if len(sys.argv) == 4:
        result["terraform_contract"] = contract_view(terraform["tables"])
        result["contract"] = contract_summary(sys.argv[3])
    print(json.dumps(result, sort_keys=True, ensure_ascii=True))


if __name__ == "__main__":
    main()
