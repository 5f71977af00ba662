"""Netmiko reference for bench/transport-ssh.ts: send_config_set + save_config on the lab over SSH.

Reads {"host", "port", "username", "password", "lines", "fast_cli"} as JSON on stdin, prints
{"seconds": push+save time, "connect": login time} as JSON. Debian's python3-netmiko.
fast_cli=True is Netmiko's own fast mode (its delay factors cut to 0.1): its strongest showing.
"""
import json
import sys
import time

from netmiko import ConnectHandler

job = json.load(sys.stdin)
t0 = time.perf_counter()
conn = ConnectHandler(device_type="hp_comware", host=job["host"], port=job["port"], username=job["username"], password=job["password"], allow_agent=False, use_keys=False, fast_cli=bool(job.get("fast_cli", False)))
t1 = time.perf_counter()
out = conn.send_config_set(job["lines"])
save = conn.save_config()
t2 = time.perf_counter()
conn.disconnect()
if "%" in out:
    sys.exit("netmiko: a line was rejected:\n" + out[-2000:])
print(json.dumps({"seconds": t2 - t1, "connect": t1 - t0, "saved": "successfully" in save}))
