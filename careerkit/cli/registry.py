"""The top-level commands and the module that defines each. The entry point imports only
the module a command needs (start-up is the cost of a capture command); unknown words
import them all, and the root --help imports none (cli/root_help.py lists them). Each module
has `register(app)`."""

from __future__ import annotations

# name -> module under careerkit.cli; order is the order shown in --help.
COMMANDS: dict[str, str] = {
    "log": "capture",
    "wins": "records",
    "feedback": "records",
    "learn": "records",
    "roles": "records",
    "creds": "records",
    "network": "records",
    "goals": "records",
    "status": "growth",
    "assess": "assess",
    "reflect": "reflect",
    "milestones": "recap",
    "recap": "recap",
    "plan": "plan",
    "gap": "gap",
    "frameworks": "frameworks",
    "resume": "documents",
    "prep": "prep",
    "review": "documents",
    "letter": "documents",
    "demo": "demo",
    "profile": "profile",
    "search": "search",
    "import": "transfer",
    "export": "transfer",
    "backup": "maintenance",
    "doctor": "maintenance",
    "encrypt": "encryption",
    "decrypt": "encryption",
    "key": "encryption",
    "share": "cohort",
    "cohort": "cohort",
    "config": "growth",
    "recovery": "recovery",
}


def modules_for(name: str | None) -> list[str]:
    if name in COMMANDS:
        return [COMMANDS[name]]
    return list(dict.fromkeys(COMMANDS.values()))
