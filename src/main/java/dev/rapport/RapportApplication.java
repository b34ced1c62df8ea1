package dev.rapport;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import dev.rapport.cli.Cli;

/** One jar: the server (default, also with --demo) and the `rapport` command line. */
@SpringBootApplication
public class RapportApplication {
    public static void main(String[] args) {
        Cli.main(args);
    }
}
