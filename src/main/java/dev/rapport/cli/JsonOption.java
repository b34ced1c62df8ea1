package dev.rapport.cli;

import picocli.CommandLine.Option;

/** `--json` on every API command: print the API's JSON instead of a table. */
class JsonOption {
    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;
}
