package dev.rapport.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Rapport server the drills start from a jar as a child process ({@code java -jar … serve --demo
 * --port 0}) on a database of theirs, and the demo owner's sign-in through the API.
 */
final class ChildServer {
    /** The line the server prints once it serves requests. */
    private static final Pattern RUNNING = Pattern.compile("Rapport is running at (http://localhost:\\d+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEMO_LOGIN = "demo@rapport.local";
    private static final String DEMO_PASSWORD = "rapport-demo";

    private ChildServer() {
    }

    /** A started server; url is null when it did not come up in time. */
    record Started(Process process, String url, Path log) {
    }

    /** The demo owner's read-write token, team and today (the server's clock, their zone). */
    record Session(String token, long team, LocalDate today) {
    }

    /**
     * Starts the server with the JVM options and the given environment on top of this one's (the database variables
     * removed: the target's database is given on the command line), hands the process to
     * {@code started} at once (so a shutdown hook can kill it), and waits for its "running" line.
     */
    static Started start(CrashDrill.Target target, String name, Duration startTimeout, List<String> jvmOptions,
                         Map<String, String> env, Consumer<Process> started) throws IOException, InterruptedException {
        Path log = target.workDir().resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Xmx384m", "-jar", target.jar().toString(), "serve", "--demo", "--port", "0",
                "--db-url", target.dbUrl()));
        if (target.dbUser() != null) {
            command.addAll(List.of("--db-user", target.dbUser()));
        }
        if (target.dbPassword() != null) {
            command.addAll(List.of("--db-password", target.dbPassword()));
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(target.workDir().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("RAPPORT_DB_URL");
        pb.environment().remove("RAPPORT_DB_USER");
        pb.environment().remove("RAPPORT_DB_PASSWORD");
        // a demo server with a well-known password: reachable from this machine only
        pb.environment().put("SERVER_ADDRESS", "127.0.0.1");
        pb.environment().putAll(env);
        Process process = pb.start();
        started.accept(process);
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher m = RUNNING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return new Started(process, m.group(1).replace("//localhost:", "//127.0.0.1:"), log);
            }
            Thread.sleep(100);
        }
        return new Started(process, null, log);
    }

    /** Signs in as the demo owner through the API: a new token named tokenName. */
    static Session signIn(HttpClient http, String base, String tokenName) throws IOException, InterruptedException {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + DEMO_LOGIN + "\",\"password\":\""
                        + DEMO_PASSWORD + "\",\"tokenName\":\"" + tokenName + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 201) {
            throw new IllegalStateException("cannot sign in as the demo owner: " + login.statusCode() + " "
                    + login.body());
        }
        String token = JSON.readTree(login.body()).get("token").asString();
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode who = JSON.readTree(me.body());
        return new Session(token, who.get("teamId").asLong(), LocalDate.parse(who.get("today").asString()));
    }

    /** The last 30 lines of a server's log. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
