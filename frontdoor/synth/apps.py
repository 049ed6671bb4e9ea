from django.apps import AppConfig

from frontdoor.people.cli import PEOPLE, register_subcommand


class SynthConfig(AppConfig):
    name = "frontdoor.synth"
    label = "synth"

    def ready(self) -> None:
        """Plug the synthetic-data tools into the person index's command.

        `frontdoor people train-model` trains on synthetic records with known truth, so its
        module is synth's (frontdoor/synth/cli/train_model.py). The person index never
        imports synth: synth, which may import anything and which nothing imports, adds the
        subcommand to people's table here.
        """
        register_subcommand(PEOPLE, "train-model", "frontdoor.synth.cli.train_model")
