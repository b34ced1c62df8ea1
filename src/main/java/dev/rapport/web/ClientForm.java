package dev.rapport.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.rapport.clients.CadenceOverride;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientDetails;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientStatus;
import dev.rapport.clients.Competitor;
import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.Problems;
import dev.rapport.shared.UserId;

/**
 * The client edit form as typed: lists are one per line (tags: comma separated), numbers and dates
 * are text until parsed, so a bad value comes back with its message instead of a binding error.
 */
record ClientForm(String name, String organisation, String emails, String phones, String addresses, String tags,
                  String ownerId, String tier, String status, String kind, String signedOn, String depthCurrent,
                  String depthTarget, String cadenceIdeal, String cadenceMax, String cadenceRich, String notes,
                  List<CompetitorForm> competitors, String shared) {

    private static final Pattern INDEXED = Pattern.compile("^(\\w+)\\[(\\d+)](?:\\.(\\w+))?$");

    record CompetitorForm(String name, String notes) {
        boolean blank() {
            return Forms.blank(name) && Forms.blank(notes);
        }
    }

    ClientForm {
        competitors = competitors == null ? List.of() : competitors.stream()
                .map(c -> c == null ? new CompetitorForm(null, null) : c).toList();
    }

    static ClientForm blank(UserId me, String tier) {
        return new ClientForm("", "", "", "", "", "", me.toString(), tier, ClientStatus.ACTIVE.code(),
                ClientKind.EXTERNAL.code(), "", "", "", "", "", "", "", List.of(), null).withSpareRow();
    }

    static ClientForm of(Client client) {
        ClientDetails d = client.details();
        CadenceOverride o = d.cadence();
        return new ClientForm(d.name(), text(d.organisation()), String.join("\n", d.emails()),
                String.join("\n", d.phones()), String.join("\n", d.addresses()), String.join(", ", d.tags()),
                d.ownerId().toString(), d.tier(), d.status().code(), d.kind().code(),
                d.signedOn() == null ? "" : d.signedOn().toString(), text(d.depthCurrent()), text(d.depthTarget()),
                text(o.idealDays()), text(o.maxDays()), text(o.richEveryDays()), text(d.notes()),
                d.competitors().stream().map(c -> new CompetitorForm(c.name(), c.notes())).toList(),
                client.shared() ? "true" : null).withSpareRow();
    }

    /** Always one empty competitor row to add another without JavaScript. */
    ClientForm withSpareRow() {
        if (!competitors.isEmpty() && competitors.get(competitors.size() - 1).blank()) {
            return this;
        }
        List<CompetitorForm> rows = new ArrayList<>(competitors);
        rows.add(new CompetitorForm("", ""));
        return new ClientForm(name, organisation, emails, phones, addresses, tags, ownerId, tier, status, kind,
                signedOn, depthCurrent, depthTarget, cadenceIdeal, cadenceMax, cadenceRich, notes, rows, shared);
    }

    /** The "Shared with the team" checkbox: a browser sends it only when ticked. */
    public boolean sharing() {
        return "true".equals(shared) || "on".equals(shared);
    }

    ClientDetails toDetails() {
        Problems problems = new Problems();
        Long owner = Forms.optionalLong(ownerId, "ownerId", problems);
        ClientStatus st = ClientStatus.fromCode(Forms.code(status)).orElse(null);
        problems.check(st != null, "status", "choose prospect, active or past");
        ClientKind kd = ClientKind.fromCode(Forms.code(kind)).orElse(null);
        problems.check(kd != null, "kind", "choose external or internal");
        var signed = Forms.optionalDate(signedOn, "signedOn", problems);
        Integer now = Forms.optionalInt(depthCurrent, "depthCurrent", problems);
        Integer target = Forms.optionalInt(depthTarget, "depthTarget", problems);
        CadenceOverride cadence = new CadenceOverride(Forms.optionalInt(cadenceIdeal, "cadenceIdeal", problems),
                Forms.optionalInt(cadenceMax, "cadenceMax", problems),
                Forms.optionalInt(cadenceRich, "cadenceRich", problems));
        problems.throwIfAny();
        List<Competitor> rivals = competitors.stream().filter(c -> !c.blank())
                .map(c -> new Competitor(Forms.blankToNull(c.name()), Forms.blankToNull(c.notes()))).toList();
        return new ClientDetails(name, organisation, Forms.lines(emails), Forms.lines(phones), Forms.lines(addresses),
                Forms.commaList(tags), owner == null ? null : new UserId(owner), tier, st, kd, signed, now, target,
                cadence, notes, rivals);
    }

    /** The service's field names (emails[2], cadence.maxDays, competitors[0].name) onto this form's. */
    FieldProblem toFormField(FieldProblem p) {
        Matcher m = INDEXED.matcher(p.field());
        if (m.matches()) {
            int i = Integer.parseInt(m.group(2));
            return switch (m.group(1)) {
                case "emails" -> quoted("emails", Forms.lines(emails), i, p.reason());
                case "phones" -> quoted("phones", Forms.lines(phones), i, p.reason());
                case "addresses" -> new FieldProblem("addresses", "line " + (i + 1) + " " + p.reason());
                case "tags" -> quoted("tags", Forms.commaList(tags).stream().map(t -> t.toLowerCase(Locale.ROOT))
                        .distinct().sorted().toList(), i, p.reason());
                case "competitors" -> new FieldProblem("competitors[" + competitorRow(i) + "]."
                        + (m.group(3) == null ? "name" : m.group(3)), p.reason());
                default -> new FieldProblem(null, p.field() + " " + p.reason());
            };
        }
        return switch (p.field()) {
            case "cadence.idealDays" -> new FieldProblem("cadenceIdeal", p.reason().replace("idealDays", "ideal"));
            case "cadence.maxDays" -> new FieldProblem("cadenceMax", p.reason().replace("idealDays", "ideal"));
            case "cadence.richEveryDays" -> new FieldProblem("cadenceRich", p.reason());
            case "name", "organisation", "ownerId", "tier", "status", "kind", "signedOn", "depthCurrent",
                 "depthTarget", "notes", "cadenceIdeal", "cadenceMax", "cadenceRich" -> p;
            default -> new FieldProblem(null, p.field() + " " + p.reason());
        };
    }

    /** The form row of the i-th competitor sent to the service (blank rows are skipped). */
    private int competitorRow(int sent) {
        int seen = -1;
        for (int row = 0; row < competitors.size(); row++) {
            if (!competitors.get(row).blank() && ++seen == sent) {
                return row;
            }
        }
        return sent;
    }

    /** Names the offending line's value, deduplicated the way ClientDetails cleans lists. */
    private static FieldProblem quoted(String field, List<String> values, int i, String reason) {
        List<String> cleaned = List.copyOf(new LinkedHashSet<>(values));
        String value = i < cleaned.size() ? cleaned.get(i) : "line " + (i + 1);
        return new FieldProblem(field, "“" + value + "” " + reason);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
