package dev.rapport.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rapport.journal.Category;
import dev.rapport.journal.Challenge;
import dev.rapport.journal.ChallengeReport;
import dev.rapport.journal.EntryDraft;
import dev.rapport.journal.JournalEntry;
import dev.rapport.journal.JournalReports;
import dev.rapport.journal.TimeSpan;
import dev.rapport.journal.Timer;
import dev.rapport.shared.ClientId;

/** JSON shapes of the time journal and its reports. Minutes and shares are rounded to 0.1. */
final class JournalDtos {
    private JournalDtos() {
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Timed: start + end (or start + minutes). Duration-only: day + minutes. */
    record EntryRequest(Instant start, Instant end, LocalDate day, Integer minutes, String category, Long clientId,
                        String note, List<String> tags, Boolean contributes) {
        EntryDraft toDraft() {
            return new EntryDraft(start, end, day, minutes, category, clientId == null ? null : new ClientId(clientId),
                    note, tags, contributes);
        }
    }

    record BulkRequest(List<EntryRequest> entries) {
    }

    record QuickRequest(String text, LocalDate date, Long clientId, Boolean split) {
    }

    record EntryResponse(long id, String category, Instant start, Instant end, LocalDate day, int minutes,
                         Long clientId, String note, List<String> tags, boolean contributes, Instant createdAt) {
        static EntryResponse of(JournalEntry e) {
            return new EntryResponse(e.id(), e.category(), e.timed() ? e.span().start() : null,
                    e.timed() ? e.span().end() : null, e.day(), e.minutes(),
                    e.clientId() == null ? null : e.clientId().value(), e.note(), e.tags(), e.contributes(),
                    e.createdAt());
        }
    }

    record CategoryDto(String code, String label, String categoryClass, Double benchmarkPercent, boolean builtin) {
        static CategoryDto of(Category c) {
            return new CategoryDto(c.code(), c.label(), c.categoryClass().code(), c.benchmarkPercent(), c.builtin());
        }
    }

    record NewCategoryRequest(String code, String label, String categoryClass) {
    }

    record TimerRequest(String category, Long clientId, String note) {
    }

    record TimerDto(String category, Long clientId, String note, Instant startedAt) {
        static TimerDto of(Timer t) {
            return new TimerDto(t.category(), t.clientId() == null ? null : t.clientId().value(), t.note(),
                    t.startedAt());
        }
    }

    record SpanDto(Instant start, Instant end, String local) {
        static SpanDto of(TimeSpan s, ZoneId zone) {
            return new SpanDto(s.start(), s.end(), s.local(zone));
        }
    }

    record DayDto(LocalDate date, double dayHours, double loggedMinutes, double untrackedMinutes,
                  Map<String, Double> minutesByCategory, List<EntryResponse> entries, List<SpanDto> gaps) {
        static DayDto of(JournalReports.DayView v, ZoneId zone) {
            Map<String, Double> byCategory = new LinkedHashMap<>();
            v.tally().seconds().forEach((c, s) -> byCategory.put(c, round(s / 60.0)));
            long logged = v.tally().loggedSeconds();
            return new DayDto(v.date(), v.tally().dayLengthSeconds() / 3600.0, round(logged / 60.0),
                    round(Math.max(0, v.tally().dayLengthSeconds() - logged) / 60.0), byCategory,
                    v.entries().stream().map(EntryResponse::of).toList(),
                    v.gaps().stream().map(g -> SpanDto.of(g, zone)).toList());
        }
    }

    record RowDto(String category, String label, String categoryClass, double minutes, double share,
                  Double benchmark, Double pointsVsBenchmark) {
    }

    record ShareDto(double minutes, double share) {
    }

    record DayRowDto(LocalDate day, double hours, double loggedMinutes, double untrackedMinutes) {
    }

    record WeekDto(LocalDate monday, double loggedMinutes, double customerFacingShare, double firefightingShare,
                   double internalShare) {
    }

    record ReportDto(LocalDate from, LocalDate to, double loggedMinutes, double untrackedMinutes,
                     double untrackedWorkingMinutes, double customerFacingShare, double contributesShare,
                     List<RowDto> categories, Map<String, ShareDto> classes, List<WeekDto> weeks,
                     List<DayRowDto> days, List<String> observations) {
        static ReportDto of(ChallengeReport r) {
            Map<String, ShareDto> classes = new LinkedHashMap<>();
            r.classes().forEach((c, s) -> classes.put(c.code(), new ShareDto(round(s.minutes()), round(s.share()))));
            return new ReportDto(r.from(), r.to(), round(r.loggedMinutes()), round(r.untrackedMinutes()),
                    round(r.untrackedWorkingMinutes()), round(r.customerFacingShare()), round(r.contributesShare()),
                    r.rows().stream().map(x -> new RowDto(x.category(), x.label(), x.categoryClass().code(),
                            round(x.minutes()), round(x.share()), x.benchmark(),
                            x.pointsVsBenchmark() == null ? null : round(x.pointsVsBenchmark()))).toList(),
                    classes,
                    r.weeks().stream().map(w -> new WeekDto(w.monday(), round(w.loggedMinutes()),
                            round(w.customerFacingShare()), round(w.firefightingShare()), round(w.internalShare())))
                            .toList(),
                    r.days().stream().map(d -> new DayRowDto(d.day(), d.hours(), round(d.loggedMinutes()),
                            round(d.untrackedMinutes()))).toList(),
                    r.observations());
        }
    }

    record MemberDto(long userId, String name, String role, double loggedMinutes, double customerFacingShare,
                     double contributesShare, double firefightingShare, double internalShare) {
    }

    record TeamReportDto(LocalDate from, LocalDate to, double loggedMinutes, double customerFacingShare,
                         double contributesShare, List<MemberDto> members) {
        static TeamReportDto of(JournalReports.TeamReport r) {
            return new TeamReportDto(r.from(), r.to(), round(r.loggedMinutes()), round(r.customerFacingShare()),
                    round(r.contributesShare()), r.members().stream().map(m -> new MemberDto(m.userId().value(),
                            m.name(), m.role().code(), round(m.loggedMinutes()), round(m.customerFacingShare()),
                            round(m.contributesShare()), round(m.firefightingShare()), round(m.internalShare())))
                            .toList());
        }
    }

    record ChallengeRequest(String kind, LocalDate start) {
    }

    record ChallengeDto(long id, LocalDate firstDay, LocalDate lastDay, Boolean active, List<SpanDto> gapsToday,
                        ReportDto report) {
        static ChallengeDto of(Challenge c) {
            return new ChallengeDto(c.id(), c.firstDay(), c.lastDay(), null, List.of(), null);
        }

        static ChallengeDto of(JournalReports.ChallengeStatus s, ZoneId zone) {
            return new ChallengeDto(s.challenge().id(), s.challenge().firstDay(), s.challenge().lastDay(), s.active(),
                    s.gapsToday().stream().map(g -> SpanDto.of(g, zone)).toList(),
                    s.report() == null ? null : ReportDto.of(s.report()));
        }
    }
}
