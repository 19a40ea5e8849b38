#!/usr/bin/env python3
"""Where one request's time goes, from a dotnet-trace sampled-thread-time trace converted to speedscope.

    bench/profile.py TRACE.speedscope.json REQ_PER_S TRACED_SECONDS [COUNTERS.csv]

Every managed thread's time is replayed from the trace; a slice whose leaf is CPU_TIME ran managed code, a slice in
native code counts unless the thread was waiting (a wait, a sleep, epoll, a semaphore). Each slice goes to the
innermost part of the site that was on its stack: a middleware, a filter, an action, a view (the layout, a page, a
partial, a view component's view), a view component; what lies under none of them is Kestrel, the host and the
runtime. An async method that resumed after an await is found by its state machine (Type+<Method>d__N.MoveNext),
so its time still goes to its type. The table gives µs of thread time per request: the time / (req/s × seconds).
On a loaded 2-core machine, thread time includes moments the OS ran another process: read the shares.
"""
import csv
import json
import re
import sys
from collections import defaultdict

WAITING = re.compile(
    r"(\.Wait\w*\(|WaitOne|WaitCore|\.Sleep|SpinWait|LowLevelLifoSemaphore|LowLevelMonitor|PortableThreadPool\+GateThread"
    r"|WaitHandle|Monitor\.|SocketAsyncEngine\.EventLoop|Interop\+Sys\.(WaitForSocketEvents|Read|Poll)|Thread\.Join"
    r"|TimerQueue|Heartbeat\.TimerLoop|EventPipe|Diagnostics\.Tracing|\.ReadLine|Console)")
FILTER_METHODS = {"OnActionExecuting", "OnActionExecuted", "OnActionExecutionAsync", "OnResultExecuting",
                  "OnResultExecuted", "OnResultExecutionAsync", "OnResourceExecuting", "OnResourceExecuted",
                  "OnResourceExecutionAsync", "OnAuthorization", "OnAuthorizationAsync", "OnException"}


def parse(frame):
    """(type, method) of a speedscope frame name 'Module!Ns.Type+<Method>d__9.MoveNext(args)'."""
    name = frame.split("!", 1)[-1].split("(", 1)[0]
    machine = re.match(r"(.*?)\+<([^>]+)>d__\d+\.MoveNext$", name)
    if machine:
        return machine.group(1), machine.group(2)
    kind, _, method = name.rpartition(".")
    return kind, method


def short(kind):
    return kind.split("`")[0].rsplit(".", 1)[-1]


def classify(frame):
    """(kind of part, its name) when the frame is a part of the site's request, else None."""
    kind, method = parse(frame)
    if kind.startswith("AspNetCoreGeneratedDocument."):
        if method != "ExecuteAsync":
            return None
        view = kind.split(".", 1)[1]
        if "_Components_" in view:
            return "view component's view", view
        leaf = view.rsplit("_", 1)[-1] if "__" not in view else view.split("__", 1)[1]
        return ("partial" if "__" in view and leaf not in ("Layout", "ViewStart", "ViewImports") else "view"), view
    if kind.endswith("ViewComponent") and method in ("Invoke", "InvokeAsync"):
        return "view component", short(kind)
    if method in FILTER_METHODS:
        return "filter", f"{short(kind)}.{method}"
    if "Middleware" in kind and method in ("Invoke", "InvokeAsync", "InvokeCore", "InvokeInternal", "InvokeAwaited"):
        return "middleware", short(kind.split("+")[0])
    if kind.startswith("HelloMvc.Web.") and kind.endswith("Controller"):
        return "action", f"{short(kind)}.{method}"
    return None


def outside(stack, frames):
    """What runs when no part of the site is on the stack: named by the innermost frame's assembly that says something
    (the thread pool's and the base library's say nothing)."""
    for index in reversed(stack):
        module = frames[index].split("!", 1)[0] if "!" in frames[index] else ""
        if module and not module.startswith(("System.Private.CoreLib", "System.Runtime", "System.Threading")):
            return f"{module} (no part of the site on the stack)"
    return "thread pool and runtime (no part of the site on the stack)"


def replay(profile, frames, exclusive, inclusive, totals):
    stack, last = [], profile["startValue"]
    for event in profile["events"]:
        at = event["at"]
        if stack and at > last:
            account(stack, frames, at - last, exclusive, inclusive, totals)
        last = at
        if event["type"] == "O":
            stack.append(event["frame"])
        elif stack:
            stack.pop()


_classified = {}


def account(stack, frames, ms, exclusive, inclusive, totals):
    leaf = frames[stack[-1]]
    innermost = frames[stack[-2]] if len(stack) > 1 else ""
    if "SpinWaiter" in innermost or "SpinWait" in innermost:
        totals["spinning"] += ms
        return
    # A blocked thread may be sampled as managed code too: what decides is the wait on its stack.
    if any(WAITING.search(frames[i]) for i in stack[-4:]) or re.search(r"WorkerThreadStart|StartCallback", innermost):
        totals["waiting"] += ms
        return
    totals["managed" if leaf == "CPU_TIME" else "native"] += ms
    parts = []
    for index in stack:
        if index not in _classified:
            _classified[index] = classify(frames[index])
        if _classified[index]:
            parts.append(_classified[index])
    if parts:
        exclusive[parts[-1]] += ms
        for part in set(parts):
            inclusive[part] += ms
    else:
        exclusive[("other", outside(stack, frames))] += ms


def counters(path, rate):
    """Means of the counters that explain a request's cost, per second and per request."""
    series = defaultdict(list)
    with open(path, newline="") as file:
        for row in csv.DictReader(file):
            try:
                series[row["Counter Name"]].append(float(row["Mean/Increment"]))
            except (KeyError, ValueError):
                continue
    lines = []
    for name, values in sorted(series.items()):
        if not re.search(r"alloc|gc|jit|working_set|heap|thread|requests|Allocation|GC|Working", name):
            continue
        mean = sum(values) / len(values)
        per_request = ""
        if re.search(r"alloc", name, re.I) and rate:
            per_request = f" ({mean / rate / 1024:.1f} KB per request, if the figure is per second)"
        lines.append(f"- {name}: mean {mean:,.2f}{per_request}")
    return lines


def main():
    trace, rate, seconds = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    data = json.load(open(trace))
    frames = [frame["name"] for frame in data["shared"]["frames"]]
    exclusive, inclusive, totals = defaultdict(float), defaultdict(float), defaultdict(float)
    for profile in data["profiles"]:
        replay(profile, frames, exclusive, inclusive, totals)
    requests = rate * seconds
    if requests <= 0:
        print("(no requests measured)")
        return
    us = lambda ms: ms * 1000 / requests
    busy = totals["managed"] + totals["native"]
    print(f"{requests:,.0f} requests in {seconds:.0f} s; thread time per request: {us(busy):.0f} µs busy "
          f"({us(totals['managed']):.0f} in managed code, {us(totals['native']):.0f} in native code: GC, allocation, "
          f"syscalls), {us(totals['waiting']):.0f} µs waiting and {us(totals['spinning']):.0f} µs of the thread pool spinning "
          f"for work (neither counted below)")
    print()
    print("| part | kind | µs per request (its own) | µs per request (with what it calls) | share of busy |")
    print("|---|---|---:|---:|---:|")
    rows = sorted(exclusive.items(), key=lambda item: -item[1])
    for (kind, name), ms in rows:
        if us(ms) < 0.5:
            continue
        with_calls = inclusive.get((kind, name), ms)
        print(f"| `{name}` | {kind} | {us(ms):.1f} | {us(with_calls):.1f} | {100 * ms / busy:.1f} % |")
    if len(sys.argv) > 4:
        print()
        print("Counters (dotnet-counters, the same seconds):")
        print()
        print("\n".join(counters(sys.argv[4], rate)))


if __name__ == "__main__":
    main()
