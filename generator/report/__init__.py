"""Reporters: each turns a `Report` into text for one audience (a terminal, a
program, GitHub). They return strings and never decide the exit code."""
