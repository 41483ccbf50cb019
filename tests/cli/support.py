"""Shared by the CLI tests: their command line and result line, and sample configs (a clean one, one
with a model name as Azure deployment (AZ201 on line 6), one full of literal secrets that no output
format may print)."""
import argparse
import os
import sys
import unittest


def parse_test_arguments():
    """`--gwlint BINARY --source DIR`; the rest goes to unittest (e.g. a test class name)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--gwlint", required=True)
    parser.add_argument("--source", required=True)
    args, rest = parser.parse_known_args()
    return os.path.abspath(args.gwlint), os.path.abspath(args.source), rest


def run_tests(rest):
    """Runs the calling script's tests and ends with the `N passed, M failed` line CI reads."""
    program = unittest.main(module="__main__", argv=[sys.argv[0], *rest], exit=False, verbosity=1)
    result = program.result
    failed = len(result.failures) + len(result.errors)
    print(f"{result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


MODEL_NAME = """aiGateway:
  providers:
    azure:
      apiKey: ${AZURE_OPENAI_API_KEY}
      resourceName: acme-openai-eastus2
  languageModel: azure|gpt-4o
"""
CLEAN = MODEL_NAME.replace("gpt-4o", "chat-prod")
SECRET_KEYS = ["9b1c4e7f2a3d4c5b8e6f7a1b2c3d4e5f",
               "Zx81kQ3mT7pL2vN9rB4wC6yH0sJ5dF8gA1eK3uM7oP2iQ9tR4nS6bV0cX5zY8wL1jH3kG7fD2aE9qW4rT6yU0iO",
               "sk-live-77aa88bb99cc00dd11ee22ff33aa44bb"]
LEAKY = f"""aiGateway:
  providers:
    azure:
      apiKey: {SECRET_KEYS[0]}
      resourceName: acme-openai
      headers:
        Authorization: Bearer {SECRET_KEYS[2]}
        api-key: "{SECRET_KEYS[0]}"
    openai:
      apiKey: "{SECRET_KEYS[1]}"
      baseURL: https://user:{SECRET_KEYS[1][:20]}@api.openai.com/v1
  languageModel: azure|gpt-4o
"""
