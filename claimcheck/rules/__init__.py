"""Rules as data: kinds are code, rule files are YAML, verdicts are pure functions."""

from claimcheck.rules.baseline import Baseline, apply_baseline, load_baseline, write_baseline
from claimcheck.rules.config import Config, load_config
from claimcheck.rules.engine import evaluate_check, evaluate_compare
from claimcheck.rules.ruleset import RuleSet, default_vocabulary, load_ruleset, select_rules
from claimcheck.rules.schema import Rule
from claimcheck.rules.suppress import Suppression, apply_suppressions, parse_suppressions

__all__ = [
    "Baseline", "Config", "Rule", "RuleSet", "Suppression", "apply_baseline",
    "apply_suppressions", "default_vocabulary", "evaluate_check", "evaluate_compare",
    "load_baseline", "load_config", "load_ruleset", "parse_suppressions", "select_rules",
    "write_baseline",
]
