#!/usr/bin/env python3
"""`bithuman --sandbox mcp` under the official MCP Python SDK (`mcp` on PyPI):
list the tools, generate an agent, wait for it with progress notifications,
download its model, render a video and download it, and get error results
(an unknown agent, a call over its max_credits, paths outside the working
folder).

    python3 tests/mcp/client.py [BITHUMAN_BIN]

Exit 0 when every check passes; prints one line per check.
"""
import asyncio
import json
import os
import sys
import tempfile

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

BIN = sys.argv[1] if len(sys.argv) > 1 else os.environ.get(
    "BITHUMAN_BIN", os.path.join(os.path.dirname(__file__), "..", "..", "target", "debug", "bithuman"))
passed, failed = 0, 0


def check(what, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {what}")
    else:
        failed += 1
        print(f"FAIL {what}: {detail}")


def g(obj, name):
    """An attribute by its camelCase (SDK 1.x) or snake_case (2.x) name."""
    snake = "".join("_" + c.lower() if c.isupper() else c for c in name)
    for n in (name, snake):
        if hasattr(obj, n):
            return getattr(obj, n)
    return None


def data(result):
    """The structured result (the same object as --json prints)."""
    if g(result, "structuredContent") is not None:
        return g(result, "structuredContent")
    for c in result.content:
        if getattr(c, "type", "") == "text":
            return json.loads(c.text)
    return None


async def main():
    home = tempfile.mkdtemp()
    env = {"PATH": os.environ.get("PATH", ""), "HOME": home,
           "XDG_STATE_HOME": os.path.join(home, "state"), "XDG_CONFIG_HOME": os.path.join(home, "config"),
           "BITHUMAN_SANDBOX_SPEED": "10"}
    params = StdioServerParameters(command=os.path.abspath(BIN), args=["--sandbox", "mcp"], env=env, cwd=home)
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            check("initialize names the server", g(init, "serverInfo").name == "bithuman", g(init, "serverInfo"))
            tools = {t.name: t for t in (await session.list_tools()).tools}
            want = {"generate_agent", "get_agent_status", "wait_for_agent", "download_model", "list_agents",
                    "generate_video", "get_video", "wait_for_video", "download_video", "account", "pricing"}
            check("every SPEC §11 tool is listed", want <= set(tools), sorted(tools))
            check("billed tools say so", "BILLED" in (tools["generate_agent"].description or "")
                  and "BILLED" in (tools["generate_video"].description or ""))
            check("status tools are read-only", g(tools["get_agent_status"].annotations, "readOnlyHint") is True)
            check("downloads are not read-only", g(tools["download_model"].annotations, "readOnlyHint") is False)
            check("wait_for_agent has an input schema with timeout_seconds",
                  "timeout_seconds" in json.dumps(g(tools["wait_for_agent"], "inputSchema")))

            created = await session.call_tool("generate_agent", {"prompt": "You are an MCP test.", "model": "essence-1"})
            created_data = data(created)
            check("generate_agent succeeds", not g(created, "isError") and created_data.get("agent_id"), created)
            agent = created_data["agent_id"]
            check("generate_agent returns the --json object",
                  created_data.get("schema_version") == 1 and "idempotency_key" in created_data, created_data)

            progress = []

            async def on_progress(p, total, message):
                progress.append((p, message))

            waited = await session.call_tool("wait_for_agent", {"agent_id": agent, "timeout_seconds": 60},
                                             progress_callback=on_progress)
            record = data(waited)
            check("wait_for_agent reaches ready", not g(waited, "isError") and record.get("status") == "ready", record)
            check("the record is the --json agent record", record.get("kind") == "agent"
                  and record.get("schema_version") == 1 and record.get("viewer_url"), record)
            check("progress notifications arrived", len(progress) >= 1, progress)

            path = os.path.join(home, "models") + "/"
            dl = await session.call_tool("download_model", {"agent_id": agent, "path": path})
            dl_data = data(dl)
            check("download_model saves the .imx", not g(dl, "isError") and dl_data.get("model_path")
                  and open(os.path.join(home, dl_data["model_path"]) if not os.path.isabs(dl_data["model_path"])
                           else dl_data["model_path"], "rb").read().startswith(b"BITHUMAN SANDBOX PLACEHOLDER"),
                  dl_data)

            video = await session.call_tool("generate_video", {"agent_id": agent, "text": "Hello from MCP."})
            job = (data(video) or {}).get("job_id")
            check("generate_video returns a job id", not g(video, "isError") and job, video)
            rendered = await session.call_tool("wait_for_video", {"job_id": job, "timeout_seconds": 60})
            check("wait_for_video reaches completed", (data(rendered) or {}).get("status") == "completed", rendered)
            out = os.path.join(home, "hello.mp4")
            dv = await session.call_tool("download_video", {"job_id": job, "path": out})
            check("download_video saves the mp4", not g(dv, "isError") and os.path.exists(out), dv)

            missing = await session.call_tool("get_agent_status", {"agent_id": "A0NOTREAL1"})
            err = (data(missing) or {}).get("error", {})
            check("an unknown agent is an error result with the §5 object",
                  g(missing, "isError") is True and err.get("code") == "NOT_FOUND" and err.get("command") == "get_agent_status",
                  missing)
            bad = await session.call_tool("generate_video", {"agent_id": agent, "text": "x" * 5001})
            check("over-long text is an error result, nothing sent",
                  g(bad, "isError") is True and (data(bad) or {}).get("error", {}).get("code") == "BAD_INPUT", bad)
            schema = json.dumps(g(tools["generate_agent"], "inputSchema"))
            check("billed tools take max_credits", "max_credits" in schema
                  and "max_credits" in json.dumps(g(tools["generate_video"], "inputSchema")), schema)
            before = (data(await session.call_tool("account", {})) or {}).get("credit_balance")
            over = await session.call_tool("generate_agent", {"prompt": "Too dear.", "max_credits": 1})
            check("a call over its max_credits is refused with BUDGET_EXCEEDED",
                  g(over, "isError") is True and (data(over) or {}).get("error", {}).get("code") == "BUDGET_EXCEEDED", over)
            after = (data(await session.call_tool("account", {})) or {}).get("credit_balance")
            check("the refused call billed nothing", before is not None and before == after, (before, after))
            escape = f"../{os.path.basename(home)}-outside.imx"
            for path in ("/dev/stdout", "/proc/self/fd/1", escape):
                refused = await session.call_tool("download_model", {"agent_id": agent, "path": path})
                check(f"a download to {path} is refused with PATH_NOT_ALLOWED", g(refused, "isError") is True
                      and (data(refused) or {}).get("error", {}).get("code") == "PATH_NOT_ALLOWED", refused)
            check("nothing was written outside the working folder",
                  not os.path.exists(os.path.join(home, escape)))
            secret = await session.call_tool("generate_agent", {"image": "/etc/passwd"})
            check("an upload from outside the working folder is refused with PATH_NOT_ALLOWED",
                  g(secret, "isError") is True
                  and (data(secret) or {}).get("error", {}).get("code") == "PATH_NOT_ALLOWED", secret)
            price = data(await session.call_tool("pricing", {}))
            check("pricing lists agent prices", "agent_generation" in (price or {}), price)
            listed = data(await session.call_tool("list_agents", {"limit": 5}))
            check("list_agents lists the agent", any(a.get("agent_id") == agent for a in listed.get("agents", [])), listed)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
