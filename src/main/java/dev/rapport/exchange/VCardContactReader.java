package dev.rapport.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.github.mangstadt.vinnie.io.VObjectPropertyValues;

import ezvcard.VCard;
import ezvcard.VCardDataType;
import ezvcard.io.ParseContext;
import ezvcard.io.scribe.ScribeIndex;
import ezvcard.io.scribe.TelephoneScribe;
import ezvcard.parameter.VCardParameters;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardReader;
import ezvcard.property.Address;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Note;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;

/**
 * Reads vCard 2.1, 3.0 and 4.0 cards one at a time (ez-vcard parses each card: folded lines,
 * QUOTED-PRINTABLE with its CHARSET, groups such as Apple's item1.EMAIL, nested AGENT cards).
 * Photos and logos are dropped: Rapport keeps no pictures.
 */
final class VCardContactReader implements ContactSource {
    static final String TIER = "X-RAPPORT-TIER";
    static final String STATUS = "X-RAPPORT-STATUS";

    private final BufferedReader reader;
    private final VCardSplitter cards;
    private final ScribeIndex scribes = new ScribeIndex();
    private final Map<String, Integer> versions = new TreeMap<>();

    VCardContactReader(BufferedReader reader) {
        this.reader = reader;
        this.cards = new VCardSplitter(reader);
        this.scribes.register(new PlainTelephoneScribe());
    }

    /**
     * ez-vcard tries every TEL value as a tel: URI and builds an exception for each plain number; a
     * value that does not start with "tel:" is text, so it skips the attempt (a third of parsing time).
     */
    static final class PlainTelephoneScribe extends TelephoneScribe {
        @Override
        protected Telephone _parseText(String value, VCardDataType dataType, VCardParameters parameters,
                                       ParseContext context) {
            String text = VObjectPropertyValues.unescape(value);
            if (text.regionMatches(true, 0, "tel:", 0, 4)) {
                return super._parseText(value, dataType, parameters, context);
            }
            return new Telephone(text);
        }
    }

    @Override
    public boolean hasNext() {
        return cards.hasNext();
    }

    @Override
    public ContactRecord next() {
        VCardSplitter.Chunk chunk = cards.next();
        if (chunk.text() == null) {
            return ContactRecord.rejected(chunk.line(), "card", chunk.problem());
        }
        VCard card;
        try (VCardReader parser = new VCardReader(chunk.text(), VCardVersion.V2_1)) {
            parser.setDefaultQuotedPrintableCharset(StandardCharsets.UTF_8);
            parser.setScribeIndex(scribes);
            card = parser.readNext();
        } catch (IOException | RuntimeException e) {
            return ContactRecord.rejected(chunk.line(), "card", "cannot be read: " + e.getMessage());
        }
        if (card == null) {
            return ContactRecord.rejected(chunk.line(), "card", "is not a vCard");
        }
        versions.merge(card.getVersion().getVersion(), 1, Integer::sum);
        return toRecord(chunk.line(), card);
    }

    static ContactRecord toRecord(long line, VCard card) {
        var b = new ContactRecord.Builder(line);
        b.name = name(card);
        if (card.getOrganization() != null) {
            b.organisation = card.getOrganization().getValues().stream().filter(v -> v != null && !v.isBlank())
                    .findFirst().orElse(null);
        }
        for (Email email : card.getEmails()) {
            b.emails.add(stripPrefix(email.getValue(), "mailto:"));
        }
        for (Telephone tel : card.getTelephoneNumbers()) {
            String number = tel.getText() != null ? tel.getText()
                    : tel.getUri() != null ? tel.getUri().getNumber() : null;
            b.phones.add(number == null ? null : stripPrefix(number, "tel:"));
        }
        for (Address address : card.getAddresses()) {
            b.addresses.add(address(address));
        }
        for (Categories categories : card.getCategoriesList()) {
            b.tags.addAll(categories.getValues());
        }
        for (Note note : card.getNotes()) {
            b.notes.add(note.getValue());
        }
        if (card.getUid() != null) {
            b.externalId = card.getUid().getValue();
        }
        b.tier = extended(card, TIER);
        b.status = extended(card, STATUS);
        b.hadPhoto = !card.getPhotos().isEmpty() || !card.getLogos().isEmpty();
        return b.build();
    }

    /** FN as written; otherwise N put together (prefix, given, middle, family, suffix). */
    private static String name(VCard card) {
        for (FormattedName fn : card.getFormattedNames()) {
            if (fn.getValue() != null && !fn.getValue().isBlank()) {
                return fn.getValue();
            }
        }
        StructuredName n = card.getStructuredName();
        if (n == null) {
            return null;
        }
        List<String> parts = new ArrayList<>(n.getPrefixes());
        parts.add(n.getGiven());
        parts.addAll(n.getAdditionalNames());
        parts.add(n.getFamily());
        parts.addAll(n.getSuffixes());
        String joined = String.join(" ", parts.stream().filter(p -> p != null && !p.isBlank()).map(String::strip)
                .toList());
        return joined.isEmpty() ? null : joined;
    }

    /** One line: street, extended, PO box, locality, region, postal code, country; else the label. */
    static String address(Address a) {
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {a.getStreetAddressFull(), a.getExtendedAddressFull(), a.getPoBox(),
            a.getLocality(), a.getRegion(), a.getPostalCode(), a.getCountry()}) {
            if (p != null && !p.isBlank()) {
                parts.add(oneLine(p));
            }
        }
        if (parts.isEmpty() && a.getLabel() != null) {
            return oneLine(a.getLabel());
        }
        return String.join(", ", parts);
    }

    static String oneLine(String s) {
        return String.join(", ", s.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    private static String extended(VCard card, String name) {
        RawProperty p = card.getExtendedProperty(name);
        return p == null ? null : p.getValue();
    }

    private static String stripPrefix(String value, String prefix) {
        if (value != null && value.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return value.substring(prefix.length());
        }
        return value;
    }

    @Override
    public String description() {
        if (versions.isEmpty()) {
            return "vCard";
        }
        return "vCard " + String.join(" + ", versions.keySet());
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

}
