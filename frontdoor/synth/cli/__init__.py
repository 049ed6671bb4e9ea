"""Commands the synthetic-data app adds: `frontdoor bench …` and `frontdoor people train-model`.

Each module here is a subcommand as frontdoor/people/cli describes (HELP, add_arguments,
handle). `BENCH` lists the benchmarks (frontdoor/synth/management/commands/bench.py);
`train-model` is added to `frontdoor people` from SynthConfig.ready() (frontdoor/synth/apps.py).
"""

# `frontdoor bench` subcommands: name -> module path.
BENCH: dict[str, str] = {
    "dedupe": "frontdoor.synth.cli.bench_dedupe",
    "search": "frontdoor.synth.cli.bench_search",
}
