def test_log_then_list(cli):
    r = cli("log", "Led the PLC", "--skill", "PLC", "--date", "2024-03-12")
    assert r.exit_code == 0, r.stderr
    rows = cli.json("wins", "list")
    assert rows[0]["title"] == "Led the PLC"
