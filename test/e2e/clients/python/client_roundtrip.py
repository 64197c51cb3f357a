"""Drives a Skiff server with the official Kubernetes Python client (Debian's python3-kubernetes).

Usage: python3 client_roundtrip.py KUBECONFIG
Prints one JSON object with what each step observed; the vitest suite asserts on it.
"""
import json
import sys

from kubernetes import client, config
from kubernetes.client.rest import ApiException

config.load_kube_config(config_file=sys.argv[1])
core = client.CoreV1Api()
apps = client.AppsV1Api()
seen = {}


def api_error(call):
    """The status, reason and body reason of the ApiException a call raises, or None."""
    try:
        call()
    except ApiException as e:
        return {"status": e.status, "reason": json.loads(e.body)["reason"], "message": json.loads(e.body)["message"]}
    return None


seen["namespaces"] = sorted(n.metadata.name for n in core.list_namespace().items)

# ConfigMap: create, read, strategic-merge patch (the client's default for a dict body), delete.
cm = client.V1ConfigMap(metadata=client.V1ObjectMeta(name="py-cm", labels={"from": "python"}), data={"a": "1"})
created = core.create_namespaced_config_map("default", cm)
seen["cm_created"] = {"name": created.metadata.name, "rv": created.metadata.resource_version, "uid": created.metadata.uid}
seen["cm_read"] = core.read_namespaced_config_map("py-cm", "default").data
seen["cm_patched"] = core.patch_namespaced_config_map("py-cm", "default", {"data": {"b": "2"}}).data
seen["cm_listed"] = [c.metadata.name for c in core.list_namespaced_config_map("default", label_selector="from=python").items]

# A watch with timeoutSeconds, read as the raw stream. The query value is the string "true": the
# client's own watch helper sends the Python bool as "True" (reported separately).
resp = core.list_namespaced_config_map(
    "default", label_selector="from=python", watch="true", timeout_seconds=2, _preload_content=False
)
seen["watch_events"] = [
    {"type": ev["type"], "name": ev["object"]["metadata"]["name"]}
    for ev in (json.loads(line) for line in resp.read().decode().splitlines() if line.strip())
]

deleted = core.delete_namespaced_config_map("py-cm", "default")
seen["cm_deleted_kind"] = type(deleted).__name__
seen["cm_404"] = api_error(lambda: core.read_namespaced_config_map("py-cm", "default"))

# Deployment: create from a dict, read defaults, merge-patch replicas, read the scale subresource.
deployment = {
    "apiVersion": "apps/v1",
    "kind": "Deployment",
    "metadata": {"name": "py-dep", "labels": {"app": "py"}},
    "spec": {
        "replicas": 1,
        "selector": {"matchLabels": {"app": "py"}},
        "template": {"metadata": {"labels": {"app": "py"}}, "spec": {"containers": [{"name": "web", "image": "nginx:1.25"}]}},
    },
}
made = apps.create_namespaced_deployment("default", deployment)
seen["dep_created"] = {"strategy": made.spec.strategy.type, "generation": made.metadata.generation}
patched = apps.patch_namespaced_deployment("py-dep", "default", {"spec": {"replicas": 3}})
seen["dep_patched"] = {"replicas": patched.spec.replicas, "generation": patched.metadata.generation}
seen["dep_scale"] = apps.read_namespaced_deployment_scale("py-dep", "default").spec.replicas
replaced = apps.read_namespaced_deployment("py-dep", "default")
replaced.spec.template.spec.containers[0].image = "nginx:1.26"
seen["dep_replaced_image"] = apps.replace_namespaced_deployment("py-dep", "default", replaced).spec.template.spec.containers[0].image
seen["dep_stale_update"] = api_error(lambda: apps.replace_namespaced_deployment("py-dep", "default", made))
apps.delete_namespaced_deployment("py-dep", "default")
seen["dep_404"] = api_error(lambda: apps.delete_namespaced_deployment("py-dep", "default"))
seen["missing_ns_list"] = [c.metadata.name for c in core.list_namespaced_config_map("no-such-namespace-xyz").items]

print(json.dumps(seen))
