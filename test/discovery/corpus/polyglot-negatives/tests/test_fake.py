def test_fixture_model_name():
    fixture = dict(model="gpt-4o")
    assert fixture["model"] == "gpt-4o"
