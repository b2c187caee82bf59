"""A task runner that has nothing to do with AI despite the names."""


class Agent:
    def __init__(self, name: str):
        self.name = name

    def run(self, steps):
        return [step() for step in steps]


def pipeline(*steps):
    return Agent("pipeline").run(steps)


class Client:
    model = "resnet"


result = pipeline(lambda: 1, lambda: 2)
client = Client()
