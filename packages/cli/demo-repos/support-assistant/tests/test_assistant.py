from unittest.mock import patch

from app import assistant


def test_answer_uses_the_gateway():
    with patch.object(assistant.client.chat.completions, "create") as create:
        create.return_value.choices = [type("C", (), {"message": type("M", (), {"content": "ok"})()})()]
        assert assistant.answer("Where is my parcel?", "") == "ok"
        assert create.call_args.kwargs["model"] == "gpt-4o"
