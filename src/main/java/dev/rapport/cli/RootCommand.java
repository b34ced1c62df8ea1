package dev.rapport.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;

// INHERIT: every command and subcommand answers --help (and --version) too
@Command(name = "rapport", mixinStandardHelpOptions = true, version = "Rapport 0.1", scope = ScopeType.INHERIT,
        description = "Relationship-first CRM. Without a command: start the server.",
        subcommands = {ServeCommand.class, LoginCommand.class, TodayCommand.class, ClientCommand.class,
                TouchCommand.class, SnoozeCommand.class, LogCommand.class, TimerCommand.class, DayCommand.class,
                ReportCommand.class, ChallengeCommand.class, AdminCommand.class, BenchCommand.class, PromiseCommand.class, DealCommand.class, TopCommand.class,
                DepthCommand.class, PlanCommand.class, MembersCommand.class, AccountCommand.class,
                AuditCommand.class, TeamCommand.class, ImportCommand.class, ExportCommand.class,
                CalendarCommand.class, DigestCommand.class, ArchiveCommand.class, BackupCommand.class})
class RootCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ServeOptions options;

    RootCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return options.serve(ctx.env());
    }
}
