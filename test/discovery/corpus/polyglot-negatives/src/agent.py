"""Workflow engine. Agent, pipeline, Client and LLM are our own names."""
from .llm import LLM


class Agent:
    def run(self, task):
        return task()


def pipeline(*steps):
    return [Agent().run(step) for step in steps]


class Client:
    pass


client = Client()
engine = LLM(model="User")
HELP = "Install openai with pip install openai if you want the optional plugin."
