package dev.rapport.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.rapport.backup.BackupService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "backup", description = "Back the embedded H2 database up into a zip (H2 BACKUP TO: consistent, "
        + "the database stays usable). Opens the database itself, so run it while the server is stopped; a running "
        + "server backs up on its own schedule (rapport.backup.cron). PostgreSQL: use pg_dump.")
class BackupCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--to", description = "the zip to write (default: a new timestamped file in rapport.backup.dir, "
            + "./data/backups, keeping the newest rapport.backup.keep)")
    Path to;

    @Mixin
    DbOptions db;

    BackupCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Map<String, String> props = new LinkedHashMap<>(db.properties(ctx.env()));
        props.put("logging.level.root", "WARN");
        try (ConfigurableApplicationContext app = ServerLauncher.start(props, false)) {
            BackupService backups = app.getBean(BackupService.class);
            if (!backups.supported()) {
                throw new CliException("this database is not an embedded H2 database: back PostgreSQL up with "
                        + "pg_dump -Fc (see docs/reliability.md)");
            }
            BackupService.Backup b = to != null ? backups.backupTo(to) : backups.backupToDirectory();
            ctx.out().printf(Locale.ROOT, "Backup written to %s (%,d bytes in %.1f s)%n", b.file(), b.bytes(),
                    b.took().toMillis() / 1000.0);
            b.removed().forEach(p -> ctx.out().println("Removed the older backup " + p));
            ctx.out().println("Restore: stop the server, unzip it into the database's directory (./data by default).");
            return 0;
        }
    }
}
