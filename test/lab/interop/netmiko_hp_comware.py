"""Drives a lab device with Netmiko's unmodified hp_comware driver; prints one JSON object.

Run with Debian's /usr/bin/python3 (python3-netmiko). Arguments: host port username password.
"""
import json
import sys

from netmiko import ConnectHandler

host, port, username, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
conn = ConnectHandler(
    device_type="hp_comware",
    host=host,
    port=port,
    username=username,
    password=password,
    timeout=20,
    # Netmiko's default timing. fast_cli=True cuts the run from ~30 s to ~5 s but races on a loaded
    # 2-core box: a late prompt from session preparation ends `display version` early (empty output),
    # exactly as it would against a slow real device.
    fast_cli=False,
)
out = {"prompt": conn.find_prompt()}
out["version"] = conn.send_command("display version")
out["config"] = conn.send_config_set(
    [
        "interface GigabitEthernet1/0/4",
        "description set-by-netmiko",
        "ip address 10.1.4.1 255.255.255.0",
        "quit",
        "info-center loghost 10.99.0.9 port 5514",
    ]
)
out["save"] = conn.save_config()
out["after"] = conn.send_command("display current-configuration interface GigabitEthernet1/0/4")
conn.disconnect()
print(json.dumps(out))
