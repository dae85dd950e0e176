#!/usr/bin/env python3
"""Benchmark results: merge one run's outputs into bench/results/<stamp>-<docs>.json, compare a
run with a baseline (flagging regressions beyond the noise measured in the runs themselves),
and plot latency percentiles and latency against corpus size. Standard library and gnuplot only.

  results.py merge --docs N --work DIR --rss-kb KB --out FILE [--corpus real]
  results.py targets QUERIES.tsv DIR   (the judged queries as request targets, three ways)
  results.py compare BASELINE.json NEW.json
  results.py plot DIR
"""
import glob, json, os, platform, statistics, subprocess, sys


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


def machine():
    model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
    return {"cpus": os.cpu_count(), "cpu": model, "memory_gb": round(int(mem) / 2**20, 1),
            "kernel": platform.release(), "os": sh("sed -n 's/^PRETTY_NAME=//p' /etc/os-release").strip('"')}


def stages(path):
    """Mean real time and coefficient of variation of each Google Benchmark, over its repetitions."""
    data = json.load(open(path))
    runs = {}
    for b in data["benchmarks"]:
        if b.get("run_type") == "iteration" and not b.get("error_occurred"):
            runs.setdefault(b["run_name"], []).append((b["real_time"], b["time_unit"], b))
    out = {}
    for name, rs in runs.items():
        times = [t for t, _, _ in rs]
        mean = statistics.mean(times)
        extra = {k: v for k, v in rs[0][2].items() if k.endswith("_per_second")}
        out[name] = {"real_time": mean, "unit": rs[0][1], "cv": statistics.stdev(times) / mean if len(times) > 1 and mean else 0.0, **extra}
    return out


def load_if(path, read):
    """A part of a run that was not done (say, no peer at 1M documents) is left out, not faked."""
    try:
        return read(path)
    except (OSError, ValueError):
        return {}


def served_index(path):
    """The daemon's index build: seconds, the indexer's peak memory and the served size."""
    import re
    text = open(path).read()
    build = re.search(r"build: ([\d.]+) s, indexer peak (\d+) KB", text)
    size = re.search(r"served index: (\d+) MB", text)
    if not build or not size:
        raise ValueError(path + ": incomplete")
    return {"build_s": float(build.group(1)), "indexer_peak_mb": round(int(build.group(2)) / 1024, 1),
            "index_mb": int(size.group(1))}


def merge(args):
    opt = dict(zip(args[::2], args[1::2]))
    work = opt["--work"]
    result = {
        "docs": int(opt["--docs"]),
        "corpus": opt.get("--corpus", "synthetic"),
        "machine": machine(),
        "build": {"compiler": sh("c++ --version | head -1"), "commit": sh("git rev-parse --short HEAD"),
                  "dirty": bool(sh("git status --porcelain --untracked-files=no")), "type": "Release"},
        "stages": load_if(os.path.join(work, "stages.json"), stages),
        "peer": load_if(os.path.join(work, "peer.json"), lambda p: json.load(open(p))),
        "http": [json.loads(l) for l in open(os.path.join(work, "http.jsonl"))],
        "served_index": load_if(os.path.join(work, "build.txt"), served_index),
        "daemon_peak_rss_mb": round(int(opt["--rss-kb"]) / 1024, 1),
    }
    json.dump(result, open(opt["--out"], "w"), indent=1)


def targets(args):
    """The judged queries (tests/relevance/queries.tsv) as the page sends them: every feature on;
    as you type (prefix=true); and plain BM25 (expand=false), for the real-corpus runs."""
    from urllib.parse import quote
    rows = []
    for line in open(args[0], encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        _, q, params = line.rstrip("\n").split("\t")[:3]
        rows.append("/search?q=" + quote(q) + ("" if params == "-" else "&" + params))
    for name, extra in (("full", ""), ("prefix", "&prefix=true"), ("plain", "&expand=false")):
        with open(os.path.join(args[1], name + ".txt"), "w") as f:
            f.writelines(t + extra + "\n" for t in rows)


def metrics(r):
    """name -> (value, higher_is_better, noise)."""
    http = {h["label"]: h for h in r["http"]}
    # Two loads that must cost the same (8 busy connections, with and without 1,000 idle ones)
    # measure the run's own noise.
    noise_http = 0.05
    if "c8" in http and "c8-idle1000" in http:
        a, b = http["c8"]["throughput_rps"], http["c8-idle1000"]["throughput_rps"]
        noise_http = max(noise_http, abs(a - b) / max(a, b, 1e-9))
    m = {}
    for name, s in r["stages"].items():
        m["stage " + name] = (s["real_time"], False, max(0.05, 3 * s["cv"]))
    for k in ("build_s", "p50_us", "p99_us"):
        if r.get("peer"):
            m["peer copsearch " + k] = (r["peer"]["copsearch"][k], False, 0.10)
    for label, h in http.items():
        m[f"http {label} p50_ms"] = (h["p50_ms"], False, 2 * noise_http)
        m[f"http {label} p99_ms"] = (h["p99_ms"], False, 3 * noise_http)
        m[f"http {label} rps"] = (h["throughput_rps"], True, 2 * noise_http)
    m["daemon peak RSS MB"] = (r["daemon_peak_rss_mb"], False, 0.05)
    return m


def compare(args):
    base, new = (json.load(open(p)) for p in args[:2])
    mb, mn = metrics(base), metrics(new)
    print(f"| metric | baseline | new | change | noise | flag |\n|---|---|---|---|---|---|")
    regressions = 0
    for name in sorted(set(mb) & set(mn)):
        b, higher, _ = mb[name]
        n, _, noise = mn[name]
        change = (n - b) / b if b else 0.0
        worse = -change if higher else change
        flag = "REGRESSION" if worse > max(noise, mb[name][2]) else ("better" if -worse > noise else "")
        regressions += flag == "REGRESSION"
        print(f"| {name} | {b:.4g} | {n:.4g} | {change:+.1%} | ±{noise:.0%} | {flag} |")
    print(f"\n{regressions} regression(s) beyond the measured noise")
    return 1 if regressions else 0


def plot(args):
    folder = args[0]
    latest = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        r = json.load(open(path))
        if r.get("corpus") == "real":  # another query set: not a point on the size curve
            continue
        if os.path.basename(path).startswith("baseline-") and r["docs"] in latest:
            continue
        latest[r["docs"]] = r
    if not latest:
        return 0
    data = os.path.join(folder, "plot.dat")
    with open(data, "w") as f:
        f.write("# docs label p50 p95 p99\n")
        for docs, r in sorted(latest.items()):
            for h in r["http"]:
                f.write(f"{docs} {h['label']} {h['p50_ms']} {h['p95_ms']} {h['p99_ms']}\n")
    sizes = sorted(latest)
    biggest = sizes[-1]
    script = f"""
set terminal pngcairo size 1100,450 font ",10"
set output '{os.path.join(folder, "latency.png")}'
set multiplot layout 1,2
set title 'copsearchd over HTTP, {biggest} documents: latency percentiles'
set style data histograms
set style fill solid 0.8
set ylabel 'ms'
set key top left
plot '< grep "^{biggest} " {data}' using 3:xtic(2) title 'p50', '' using 4 title 'p95', '' using 5 title 'p99'
set title 'latency against corpus size (1 connection)'
set style data linespoints
set logscale x
set xrange [{sizes[0] / 2}:{sizes[-1] * 2}]
set xlabel 'documents'
set xtics ({", ".join(f'"{s}" {s}' for s in sizes)})
plot '< grep " c1 " {data}' using 1:3 title 'p50', '' using 1:5 title 'p99'
unset multiplot
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=True)
    print("wrote", os.path.join(folder, "latency.png"))
    return 0


if __name__ == "__main__":
    cmd, rest = sys.argv[1], sys.argv[2:]
    sys.exit({"merge": merge, "compare": compare, "plot": plot, "targets": targets}[cmd](rest) or 0)
