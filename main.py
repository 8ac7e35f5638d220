"""The cdktf app: composes the stacks in stacks/ and synthesizes them (``cdktf synth`` runs this file)."""

from cdktf import App

from stacks import PartnersStack, TenantStack


def main() -> None:
    app = App()
    PartnersStack(app)
    TenantStack(app)
    app.synth()


if __name__ == "__main__":
    main()
