"""A bounded fuzz of the OpenAPI document against the real server (issue #19, defect 17).

Starts `hoso` (HOSO_BIN) on a fresh data directory with the demo province, signs in as the
province administrator and has schemathesis (SCHEMATHESIS) generate requests from
openapi/openapi.json: every operation, a fixed seed and a bounded number of examples, so the
run is the same each time and takes well under a minute. It fails on any server error (5xx),
any answer that contradicts its documented schema or content type. Path ids are those of the
demo's own records (a unit, a dossier, a person, an account, a catalogue), so that operations
reach their logic rather than a 404. Binary uploads (a scan, a workbook) are left out:
schemathesis cannot make their bodies; the API tests cover them.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEMO_PASSWORD = "HoSo@demo2026"


def main() -> int:
    hoso = os.environ["HOSO_BIN"]
    schemathesis = os.environ["SCHEMATHESIS"]
    with tempfile.TemporaryDirectory(prefix="hoso-fuzz-") as data:
        env = {**os.environ, "HOSO_DATA_DIR": data, "HOSO_LOG": "error"}
        subprocess.run([hoso, "seed-demo"], env=env, check=True, stdout=subprocess.DEVNULL)
        server = subprocess.Popen(
            [hoso, "--listen", "127.0.0.1:0", "serve"], env=env, stdout=subprocess.PIPE, text=True
        )
        try:
            first = server.stdout.readline()
            match = re.match(r"^hoso listening on (http://\S+)$", first.strip())
            if not match:
                print(f"spec fuzz: unexpected first line from hoso: {first!r}", file=sys.stderr)
                return 1
            base = match.group(1)
            request = urllib.request.Request(
                f"{base}/api/v1/auth/login",
                data=json.dumps({"username": "quantri", "password": DEMO_PASSWORD}).encode(),
                headers={"Content-Type": "application/json"},
            )
            token = json.load(urllib.request.urlopen(request))["access_token"]
            config = os.path.join(data, "schemathesis.toml")
            with open(config, "w") as out:
                out.write(known_ids(base, token))
            command = [
                schemathesis, "--config-file", config, "run", os.path.join(ROOT, "openapi", "openapi.json"),
                "--url", base,
                "--header", f"Authorization: Bearer {token}",
                "--checks", "not_a_server_error,response_schema_conformance,content_type_conformance",
                "--phases", "examples,fuzzing",
                "--max-examples", os.environ.get("HOSO_FUZZ_EXAMPLES", "10"),
                "--seed", os.environ.get("HOSO_FUZZ_SEED", "19"),
                # Signing out or changing the password would end the run's own session.
                "--exclude-path-regex", "auth/logout|auth/password",
                "--exclude-operation-id", "post_document",
                "--exclude-operation-id", "post_import",
                "--no-color",
            ]
            # Its cache stays with the run, not in the working tree.
            return subprocess.run(command, cwd=data).returncode
        finally:
            server.terminate()
            server.wait()


def known_ids(base: str, token: str) -> str:
    """A schemathesis configuration giving each resource's `{id}` one of the demo's records."""

    def get(path: str):
        request = urllib.request.Request(f"{base}/api/v1{path}", headers={"Authorization": f"Bearer {token}"})
        return json.load(urllib.request.urlopen(request))

    def first(page, key="id"):
        items = page["items"] if isinstance(page, dict) else page
        return items[-1][key] if items else None

    ids = {
        "units": first(get("/units")),
        "dossiers": first(get("/dossiers?limit=1")),
        "people": first(get("/people?limit=1")),
        "accounts": first(get("/accounts?limit=5")),
    }
    sections = []
    for resource, value in ids.items():
        if value:
            sections.append(
                "[[operations]]\n"
                f'include-path-regex = "^/api/v1/{resource}/\\\\{{id\\\\}}"\n'
                f'parameters = {{ "path.id" = "{value}" }}\n'
            )
    return "\n".join(sections)


if __name__ == "__main__":
    sys.exit(main())
