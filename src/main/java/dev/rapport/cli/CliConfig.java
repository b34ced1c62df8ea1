package dev.rapport.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/** The server URL and API token saved by `rapport login`, readable only by the user. */
record CliConfig(String url, String token, String zone) {
    private static final String FILE = "config.properties";

    static CliConfig load(CliContext ctx) {
        String url = ctx.env().get("RAPPORT_URL");
        String token = ctx.env().get("RAPPORT_TOKEN");
        String zone = null;
        Path file = ctx.configDir().resolve(FILE);
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new CliException("cannot read " + file + ": " + e.getMessage());
            }
            url = url != null ? url : p.getProperty("url");
            token = token != null ? token : p.getProperty("token");
            zone = p.getProperty("zone");
        }
        if (url == null || token == null) {
            throw new CliException("not signed in: run `rapport login <server-url>` first");
        }
        return new CliConfig(url, token, zone);
    }

    void save(CliContext ctx) {
        try {
            Files.createDirectories(ctx.configDir());
            Path file = ctx.configDir().resolve(FILE);
            Path tmp = ctx.configDir().resolve(FILE + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            restrict(tmp);
            Properties p = new Properties();
            p.setProperty("url", url);
            p.setProperty("token", token);
            if (zone != null) {
                p.setProperty("zone", zone);
            }
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "rapport CLI: keep this file private, it holds an API token");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException("cannot save the login to " + ctx.configDir() + ": " + e.getMessage());
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user profile directory is already private
        }
    }
}
