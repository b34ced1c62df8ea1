package dev.rapport.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.rapport.clients.CadenceOverride;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientChecker;
import dev.rapport.clients.ClientDetails;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientService;
import dev.rapport.clients.ClientStatus;
import dev.rapport.clients.PhoneNumbers;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.FieldProblem;
import dev.rapport.teams.CurrentUser;

/**
 * The import rule, format-independent. Records are handled in chunks: each chunk's external ids,
 * emails and phones are looked up in one query each, matched in file order (external id, then email,
 * then phone; a record may also match one earlier in the file), merged, and written with batched
 * statements. Earlier chunks are already written, so later ones find them in the database.
 */
final class ContactImporter {
    static final int CHUNK = 1000;
    static final int MAX_EXTERNAL_ID = 500;
    private static final Pattern LIST_FIELD = Pattern.compile("(emails|phones|addresses|tags)\\[(\\d+)]");

    private final ClientService clients;
    private final ExternalIds externalIds;
    private final CurrentUser user;
    private final boolean dryRun;
    private final ClientChecker checker;
    private final String defaultTier;
    private final java.time.Clock clock;

    private long records;
    private long created;
    private long updated;
    private long unchanged;
    private long rejected;
    private long photos;
    private final List<ImportReport.Rejection> rejections = new ArrayList<>();
    private final List<ImportReport.Change> changes = new ArrayList<>();
    private boolean changesTruncated;

    ContactImporter(ClientService clients, ExternalIds externalIds, CurrentUser user, boolean dryRun,
                    java.time.Clock clock) {
        this.clients = clients;
        this.externalIds = externalIds;
        this.user = user;
        this.dryRun = dryRun;
        this.clock = clock;
        this.checker = clients.checker(user);
        List<String> tiers = checker.tiers();
        this.defaultTier = tiers.isEmpty() ? null : tiers.get(tiers.size() - 1);
    }

    void run(ContactSource source) {
        List<ContactRecord> chunk = new ArrayList<>(CHUNK);
        while (source.hasNext()) {
            chunk.add(source.next());
            if (chunk.size() == CHUNK) {
                process(chunk);
                chunk.clear();
            }
        }
        process(chunk);
    }

    ImportReport report(ImportFile file, String source) {
        String encoding = file.charset().name() + (file.bomBytes() > 0 ? " with BOM" : "");
        return new ImportReport(file.filename(), file.format().code(), source, encoding, dryRun, records, created,
                updated, unchanged, rejected, photos, List.copyOf(rejections), List.copyOf(changes), changesTruncated);
    }

    long records() {
        return records;
    }

    /** A record that passed validation, with the client details it would create. */
    private record Candidate(ContactRecord record, ClientDetails details) {
    }

    /** Where a record goes: an existing client, or the n-th client this chunk creates. */
    private record Target(ClientId existing, int pending) {
        static Target of(ClientId id) {
            return new Target(id, -1);
        }

        static Target pending(int index) {
            return new Target(null, index);
        }
    }

    private record Match(Target target, String by) {
    }

    /** A change whose new client's id is known only after the chunk is written. */
    private record PendingChange(long line, ImportReport.Outcome outcome, String name, Target target, String by) {
    }

    private void process(List<ContactRecord> chunk) {
        List<Candidate> candidates = new ArrayList<>();
        for (ContactRecord r : chunk) {
            records++;
            photos += r.hadPhoto() ? 1 : 0;
            Candidate c = candidate(r);
            if (c != null) {
                candidates.add(c);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        Set<String> ext = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        for (Candidate c : candidates) {
            if (c.record().externalId() != null) {
                ext.add(c.record().externalId());
            }
            c.details().emails().forEach(e -> emails.add(e.toLowerCase(Locale.ROOT)));
            c.details().phones().stream().map(PhoneNumbers::digits)
                    .filter(d -> d.length() >= PhoneNumbers.MIN_MATCH_DIGITS).forEach(phones::add);
        }
        Map<String, ClientId> byExt = externalIds.find(user.teamId(), ext);
        Map<String, List<ClientId>> byEmail = clients.idsByEmail(user, emails);
        Map<String, List<ClientId>> byPhone = clients.idsByPhoneDigits(user, phones);
        Set<ClientId> ids = new HashSet<>(byExt.values());
        ext.stream().map(ContactImporter::ownId).filter(java.util.Objects::nonNull).forEach(ids::add);
        byEmail.values().forEach(ids::addAll);
        byPhone.values().forEach(ids::addAll);
        Map<ClientId, Client> loaded = clients.getAll(user, ids);

        Map<String, Target> seen = new HashMap<>();
        Map<ClientId, ClientDetails> updates = new LinkedHashMap<>();
        List<ClientDetails> creates = new ArrayList<>();
        Map<String, Target> links = new LinkedHashMap<>();
        List<PendingChange> pendingChanges = new ArrayList<>();
        for (Candidate c : candidates) {
            ContactRecord r = c.record();
            Match m = match(c, seen, byExt, byEmail, byPhone, loaded);
            Target target;
            if (m == null) {
                target = Target.pending(creates.size());
                creates.add(c.details());
                created++;
                pendingChanges.add(new PendingChange(r.line(), ImportReport.Outcome.CREATED, c.details().name(), target,
                        null));
            } else {
                target = m.target();
                ClientDetails current = target.existing() == null ? creates.get(target.pending())
                        : updates.getOrDefault(target.existing(), loaded.get(target.existing()).details());
                ClientDetails merged = merge(current, c.details());
                if (merged.equals(current)) {
                    unchanged++;
                } else {
                    if (target.existing() == null) {
                        creates.set(target.pending(), merged);
                    } else {
                        updates.put(target.existing(), merged);
                    }
                    updated++;
                    pendingChanges.add(new PendingChange(r.line(), ImportReport.Outcome.UPDATED, current.name(), target,
                            m.by()));
                }
            }
            remember(seen, c, target);
            if (r.externalId() != null && !byExt.containsKey(r.externalId())) {
                links.putIfAbsent(r.externalId(), target);
            }
        }
        List<ClientId> newIds = clients.createAll(user, creates);
        clients.updateAll(user, updates);
        Map<String, ClientId> resolved = new LinkedHashMap<>();
        links.forEach((id, t) -> resolved.put(id, resolve(t, newIds)));
        externalIds.link(user.teamId(), resolved, clock.instant());
        for (PendingChange p : pendingChanges) {
            if (changes.size() >= ImportReport.MAX_CHANGES) {
                changesTruncated = true;
                break;
            }
            ClientId id = dryRun && p.target().existing() == null ? null : resolve(p.target(), newIds);
            changes.add(new ImportReport.Change(p.line(), p.outcome(), p.name(), id == null ? null : id.value(),
                    p.by()));
        }
    }

    private static ClientId resolve(Target t, List<ClientId> newIds) {
        return t.existing() != null ? t.existing() : newIds.get(t.pending());
    }

    /** Validates a record as a new client would be; rejects it (every field at fault) when it is not. */
    private Candidate candidate(ContactRecord r) {
        if (!r.valid()) {
            reject(r.line(), r.problems());
            return null;
        }
        if (r.externalId() != null && r.externalId().length() > MAX_EXTERNAL_ID) {
            reject(r.line(), List.of(new FieldProblem("id", "is longer than " + MAX_EXTERNAL_ID + " characters")));
            return null;
        }
        ClientStatus status = r.status() == null ? ClientStatus.ACTIVE
                : ClientStatus.fromCode(r.status().toLowerCase(Locale.ROOT)).orElse(null);
        if (status == null) {
            reject(r.line(), List.of(new FieldProblem("status", "'" + r.status()
                    + "' must be one of prospect, active, past")));
            return null;
        }
        ClientDetails details = new ClientDetails(r.name(), r.organisation(), r.emails(), r.phones(), r.addresses(),
                r.tags(), user.userId(), r.tier() == null ? defaultTier : r.tier(), status, ClientKind.EXTERNAL, null,
                null, null, CadenceOverride.NONE, r.notes(), List.of());
        List<FieldProblem> problems = checker.problems(details);
        if (!problems.isEmpty()) {
            reject(r.line(), problems.stream().map(p -> explain(p, details)).toList());
            return null;
        }
        return new Candidate(r.externalId() == null && !matchable(details) ? r.withExternalId(contentKey(details)) : r,
                details);
    }

    /** An email or a phone long enough to match a client on the next import. */
    private static boolean matchable(ClientDetails d) {
        return !d.emails().isEmpty()
                || d.phones().stream().anyMatch(p -> PhoneNumbers.digits(p).length() >= PhoneNumbers.MIN_MATCH_DIGITS);
    }

    /**
     * A record with neither an id, an email nor a usable phone is known by its content, so importing
     * the same file again finds the client it made instead of making another.
     */
    static String contentKey(ClientDetails d) {
        String content = String.join("\u001f", String.valueOf(d.name()), String.valueOf(d.organisation()),
                String.join("\u001e", d.phones()), String.join("\u001e", d.addresses()),
                String.join("\u001e", d.tags()), String.valueOf(d.notes()), d.tier(), d.status().code());
        return "content:" + dev.rapport.teams.Secrets.sha256(content);
    }

    /** The client id in Rapport's own export (vCard UID, or the id column of its CSV), else null. */
    static ClientId ownId(String externalId) {
        if (externalId == null || !externalId.startsWith(VCardClientWriter.UID_PREFIX)) {
            return null;
        }
        try {
            return new ClientId(Long.parseLong(externalId.substring(VCardClientWriter.UID_PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return null; // not a number, or not a valid id: an id from elsewhere
        }
    }

    private void reject(long line, List<FieldProblem> problems) {
        rejected++;
        for (FieldProblem p : problems) {
            rejections.add(new ImportReport.Rejection(line, p.field(), p.reason()));
        }
    }

    /** "emails[1] is not an email address" becomes "email: 'ada@' is not an email address". */
    private static FieldProblem explain(FieldProblem p, ClientDetails d) {
        Matcher m = LIST_FIELD.matcher(p.field());
        if (!m.matches()) {
            return p;
        }
        List<String> values = switch (m.group(1)) {
            case "emails" -> d.emails();
            case "phones" -> d.phones();
            case "addresses" -> d.addresses();
            default -> d.tags();
        };
        int i = Integer.parseInt(m.group(2));
        String value = i < values.size() ? values.get(i) : "";
        String shown = value.length() > 60 ? value.substring(0, 57) + "..." : value;
        String field = switch (m.group(1)) {
            case "emails" -> "email";
            case "phones" -> "phone";
            case "addresses" -> "address";
            default -> "tag";
        };
        return new FieldProblem(field, "'" + shown + "' " + p.reason());
    }

    /** The first of: the same external id, the same email, the same phone digits (earlier in the file first). */
    private static Match match(Candidate c, Map<String, Target> seen, Map<String, ClientId> byExt,
                               Map<String, List<ClientId>> byEmail, Map<String, List<ClientId>> byPhone,
                               Map<ClientId, Client> loaded) {
        String ext = c.record().externalId();
        if (ext != null) {
            Target t = seen.get("x:" + ext);
            if (t != null) {
                return new Match(t, "externalId");
            }
            ClientId own = ownId(ext); // a client of this team exported earlier: the very same client
            if (own != null && loaded.containsKey(own)) {
                return new Match(Target.of(own), "externalId");
            }
            ClientId id = byExt.get(ext);
            if (id != null && loaded.containsKey(id)) {
                return new Match(Target.of(id), "externalId");
            }
        }
        for (String email : c.details().emails()) {
            Match m = lookup("e:", email.toLowerCase(Locale.ROOT), seen, byEmail, loaded, "email");
            if (m != null) {
                return m;
            }
        }
        for (String phone : c.details().phones()) {
            String digits = PhoneNumbers.digits(phone);
            if (digits.length() >= PhoneNumbers.MIN_MATCH_DIGITS) {
                Match m = lookup("p:", digits, seen, byPhone, loaded, "phone");
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    private static Match lookup(String prefix, String key, Map<String, Target> seen, Map<String, List<ClientId>> db,
                                Map<ClientId, Client> loaded, String by) {
        Target t = seen.get(prefix + key);
        if (t != null) {
            return new Match(t, by);
        }
        for (ClientId id : db.getOrDefault(key, List.of())) {
            if (loaded.containsKey(id)) {
                return new Match(Target.of(id), by);
            }
        }
        return null;
    }

    private static void remember(Map<String, Target> seen, Candidate c, Target target) {
        if (c.record().externalId() != null) {
            seen.putIfAbsent("x:" + c.record().externalId(), target);
        }
        c.details().emails().forEach(e -> seen.putIfAbsent("e:" + e.toLowerCase(Locale.ROOT), target));
        c.details().phones().stream().map(PhoneNumbers::digits)
                .filter(d -> d.length() >= PhoneNumbers.MIN_MATCH_DIGITS)
                .forEach(d -> seen.putIfAbsent("p:" + d, target));
    }

    /**
     * Adds what the record has and the client lacks: emails, phones (compared by digits), addresses
     * and tags not yet there, and the organisation and notes when the client has none. Nothing is
     * overwritten or removed; the name, tier, status and owner stay as they are.
     */
    static ClientDetails merge(ClientDetails c, ClientDetails r) {
        Set<String> emails = new HashSet<>(c.emails().stream().map(e -> e.toLowerCase(Locale.ROOT)).toList());
        Set<String> phones = new HashSet<>(c.phones().stream().map(ContactImporter::phoneKey).toList());
        Set<String> addresses = new HashSet<>(c.addresses().stream().map(ContactImporter::addressKey).toList());
        List<String> newEmails = new ArrayList<>(c.emails());
        r.emails().stream().filter(e -> emails.add(e.toLowerCase(Locale.ROOT))).forEach(newEmails::add);
        List<String> newPhones = new ArrayList<>(c.phones());
        r.phones().stream().filter(p -> phones.add(phoneKey(p))).forEach(newPhones::add);
        List<String> newAddresses = new ArrayList<>(c.addresses());
        r.addresses().stream().filter(a -> addresses.add(addressKey(a))).forEach(newAddresses::add);
        List<String> newTags = new ArrayList<>(c.tags());
        newTags.addAll(r.tags());
        return new ClientDetails(c.name(), c.organisation() != null ? c.organisation() : r.organisation(), newEmails,
                newPhones, newAddresses, newTags, c.ownerId(), c.tier(), c.status(), c.kind(), c.signedOn(),
                c.depthCurrent(), c.depthTarget(), c.cadence(), c.notes() != null ? c.notes() : r.notes(),
                c.competitors());
    }

    private static String phoneKey(String phone) {
        String digits = PhoneNumbers.digits(phone);
        return digits.isEmpty() ? phone : digits;
    }

    private static String addressKey(String address) {
        return address.toLowerCase(Locale.ROOT).replaceAll("[\\s,]+", " ").strip();
    }
}
