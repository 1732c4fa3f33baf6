# Benchmark: json.dumps and json.loads round trips of a realistic document
# (a sensor log with nested records), many times.
import json


def make_document(seed, n):
    x = seed
    readings = []
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        readings.append({
            "id": i,
            "sensor": "temp-%d" % (x % 16),
            "value": (x % 100000) / 100,
            "ok": x % 7 != 0,
            "tags": ["zone%d" % (x % 5), "floor%d" % (x % 3)],
            "note": None if x % 4 else 'checked "twice"\n\tby\\ops',
            "history": [x % 97, x % 89, -(x % 83)],
        })
    return {"device": {"name": "station-%d" % seed, "fw": [1, 24, 0], "uptime": x},
            "readings": readings, "count": n}


def main():
    total = 0
    last = ""
    for rep in range(2000):
        doc = make_document(rep, 60)
        text = json.dumps(doc)
        back = json.loads(text)
        compact = json.dumps(back, separators=(",", ":"))
        again = json.loads(compact)
        total += len(text) + len(compact) + len(again["readings"]) + again["device"]["uptime"] % 1000
        total += sum(r["history"][0] for r in again["readings"]) + int(sum(r["value"] for r in back["readings"]))
        last = compact
    print("json module:", total, back == again, last[:70])


main()
