#!/usr/bin/env python3
"""The Python recipe the CLI is compared with (what a user would write).

usage: py_recipe.py FILE URL
Posts {"image": <base64 of FILE>, "model": "essence-1"} to URL with the
`api-secret` header from BITHUMAN_API_SECRET, as in the vendor's examples.
"""
import base64
import os
import sys

import requests

f, url = sys.argv[1], sys.argv[2]
r = requests.post(
    url,
    json={"image": base64.b64encode(open(f, "rb").read()).decode(), "model": "essence-1"},
    headers={"api-secret": os.environ.get("BITHUMAN_API_SECRET", "bench")},
)
r.raise_for_status()
