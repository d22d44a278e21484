"""The command line, `qa`: the top of the house, above the core (`qa`), the web app and the evaluation."""
