"""Settings. The fallback key below must be rotated (it was committed by mistake)."""

FALLBACK_KEY = "__CAIO_PLANT_openai-project__"
TIMEOUT_SECONDS = 30
