package dev.rapport.exchange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.rapport.exchange.ColumnMapping.Target;
import dev.rapport.shared.InvalidInputException;

/**
 * What each CSV column holds. Google Contacts (old and new headers), Outlook and Rapport's own export
 * are recognised by their header names; their columns Rapport has no place for are known and skipped.
 * Any other header must be mapped (or mapped to "ignore"): an unknown column is an error, not a guess.
 */
final class CsvColumns {
    /** An address split over several columns (street, city...) is put back together per group. */
    enum AddressPart { STREET, EXTENDED, PO_BOX, CITY, REGION, POSTAL_CODE, COUNTRY }

    record Column(int index, String header, Target target, String addressGroup, AddressPart part,
                  boolean systemLabels) {
    }

    private static final Map<String, Target> EXACT = Map.ofEntries(
            Map.entry("name", Target.NAME), Map.entry("fullname", Target.NAME), Map.entry("displayname", Target.NAME),
            Map.entry("contactname", Target.NAME), Map.entry("formattedname", Target.NAME),
            Map.entry("firstname", Target.FIRST_NAME), Map.entry("givenname", Target.FIRST_NAME),
            Map.entry("middlename", Target.MIDDLE_NAME), Map.entry("additionalname", Target.MIDDLE_NAME),
            Map.entry("lastname", Target.LAST_NAME), Map.entry("familyname", Target.LAST_NAME),
            Map.entry("surname", Target.LAST_NAME), Map.entry("nameprefix", Target.NAME_PREFIX),
            Map.entry("namesuffix", Target.NAME_SUFFIX), Map.entry("suffix", Target.NAME_SUFFIX),
            Map.entry("organisation", Target.ORGANISATION), Map.entry("organization", Target.ORGANISATION),
            Map.entry("organizationname", Target.ORGANISATION), Map.entry("company", Target.ORGANISATION),
            Map.entry("companyname", Target.ORGANISATION),
            Map.entry("email", Target.EMAIL), Map.entry("emails", Target.EMAIL), Map.entry("mail", Target.EMAIL),
            Map.entry("emailaddress", Target.EMAIL), Map.entry("email2address", Target.EMAIL),
            Map.entry("email3address", Target.EMAIL), Map.entry("workemail", Target.EMAIL),
            Map.entry("homeemail", Target.EMAIL),
            Map.entry("phone", Target.PHONE), Map.entry("phones", Target.PHONE), Map.entry("telephone", Target.PHONE),
            Map.entry("phonenumber", Target.PHONE), Map.entry("mobile", Target.PHONE),
            Map.entry("mobilephone", Target.PHONE), Map.entry("cellphone", Target.PHONE),
            Map.entry("homephone", Target.PHONE), Map.entry("homephone2", Target.PHONE),
            Map.entry("businessphone", Target.PHONE), Map.entry("businessphone2", Target.PHONE),
            Map.entry("workphone", Target.PHONE), Map.entry("carphone", Target.PHONE),
            Map.entry("otherphone", Target.PHONE), Map.entry("primaryphone", Target.PHONE),
            Map.entry("companymainphone", Target.PHONE), Map.entry("callback", Target.PHONE),
            Map.entry("radiophone", Target.PHONE),
            Map.entry("address", Target.ADDRESS), Map.entry("addresses", Target.ADDRESS),
            Map.entry("postaladdress", Target.ADDRESS),
            Map.entry("tags", Target.TAGS), Map.entry("tag", Target.TAGS), Map.entry("labels", Target.TAGS),
            Map.entry("categories", Target.TAGS), Map.entry("groupmembership", Target.TAGS),
            Map.entry("notes", Target.NOTES), Map.entry("note", Target.NOTES), Map.entry("comments", Target.NOTES),
            Map.entry("tier", Target.TIER), Map.entry("status", Target.STATUS),
            Map.entry("id", Target.ID), Map.entry("externalid", Target.ID), Map.entry("uid", Target.ID),
            Map.entry("contactid", Target.ID));

    /** Columns of Google, Outlook and Rapport exports that Rapport has no place for. */
    private static final Pattern KNOWN_SKIPPED = Pattern.compile(String.join("|",
            "title|nickname|fileas|initials|shortname|maidenname|gender|birthday|anniversary|photo|occupation",
            "phonetic(first|middle|last)name|yominame|(given|family|additional)nameyomi|(given|surname|company)yomi",
            "hobby|sensitivity|priority|subject|billinginformation|directoryserver|mileage|language|location",
            "organization(title|department|symbol|location|jobdescription|phoneticname|type)",
            "jobtitle|department|officelocation|managersname|assistantsname|assistantsphone|profession",
            "(business|home|other)fax|pager|telex|ttytddphone|isdn|imaddress|webpage|personalwebpage|website|url",
            "spouse|children|schools|referredby|account|governmentidnumber|organizationalidnumber|keywords",
            "internetfreebusy|private|user\\d|email\\d*(displayname|type)|email\\d+addresstype",
            "(email|phone|address)\\d+(label|type)|organization\\d+(?!name$)[a-z]+",
            "(website|relation|event|customfield|im|externalid|calendarlink|jotkeyword|location)\\d+[a-z]*",
            "kind|owner|signedon|createdat|lasttouchat"));
    private static final Pattern GOOGLE_EMAIL = Pattern.compile("e?mail\\d+value");
    private static final Pattern GOOGLE_PHONE = Pattern.compile("phone\\d+value");
    private static final Pattern GOOGLE_ORG = Pattern.compile("organization\\d+name");
    private static final Pattern GOOGLE_ADDRESS = Pattern.compile(
            "address(\\d+)(formatted|street|extendedaddress|pobox|city|region|postalcode|country)");
    private static final Pattern OUTLOOK_ADDRESS = Pattern.compile(
            "(business|home|other)(street\\d?|pobox|city|state|postalcode|countryregion)");
    private static final Pattern PLAIN_ADDRESS = Pattern.compile(
            "(street|streetaddress|city|town|state|region|province|zip|zipcode|postcode|postalcode|country)");

    private final List<Column> columns;
    private final String style;

    private CsvColumns(List<Column> columns, String style) {
        this.columns = columns;
        this.style = style;
    }

    List<Column> columns() {
        return columns;
    }

    /** "Google CSV", "Outlook CSV" or "CSV". */
    String style() {
        return style;
    }

    int size() {
        return columns.size();
    }

    static CsvColumns of(List<String> headers, ColumnMapping mapping) {
        Set<String> unmappedKeys = new LinkedHashSet<>(mapping.targets().keySet());
        List<Column> columns = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i) == null ? "" : headers.get(i).strip();
            unmappedKeys.remove(ColumnMapping.key(header));
            Target mapped = mapping.target(header).orElse(null);
            Column column = mapped != null ? new Column(i, header, mapped, null, null, false)
                    : header.isEmpty() ? new Column(i, header, Target.IGNORE, null, null, false)
                    : recognise(i, header);
            if (column == null) {
                unknown.add('"' + header + '"');
            } else {
                columns.add(column);
            }
        }
        if (!unmappedKeys.isEmpty()) {
            throw new InvalidInputException("map", "no column named " + String.join(", ", unmappedKeys.stream()
                    .map(k -> '"' + k + '"').toList()) + " in the header (" + String.join(", ", headers) + ")");
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("file", "unknown column" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + ": map each to a field (map=\"" + unquote(unknown.get(0))
                    + "=name\", or =ignore to skip it); fields: " + Target.codes());
        }
        boolean named = columns.stream().anyMatch(c -> c.target() == Target.NAME || c.target() == Target.FIRST_NAME
                || c.target() == Target.LAST_NAME || c.target() == Target.ORGANISATION);
        if (!named) {
            throw new InvalidInputException("file", "no column gives a name (such as Name, First Name, Last Name "
                    + "or Company): is the first line the header? Columns: " + String.join(", ", headers));
        }
        return new CsvColumns(columns, style(headers));
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1);
    }

    static String normalise(String header) {
        StringBuilder sb = new StringBuilder(header.length());
        for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A recognised column, or null when Rapport does not know this header. */
    private static Column recognise(int index, String header) {
        String n = normalise(header);
        Target exact = EXACT.get(n);
        if (exact != null) {
            return new Column(index, header, exact, null, null, n.equals("labels") || n.equals("groupmembership"));
        }
        if (GOOGLE_EMAIL.matcher(n).matches()) {
            return new Column(index, header, Target.EMAIL, null, null, false);
        }
        if (GOOGLE_PHONE.matcher(n).matches()) {
            return new Column(index, header, Target.PHONE, null, null, false);
        }
        if (GOOGLE_ORG.matcher(n).matches()) {
            return new Column(index, header, Target.ORGANISATION, null, null, false);
        }
        Matcher m = GOOGLE_ADDRESS.matcher(n);
        if (m.matches()) {
            return m.group(2).equals("formatted") ? new Column(index, header, Target.ADDRESS, null, null, false)
                    : part(index, header, "google" + m.group(1), m.group(2));
        }
        m = OUTLOOK_ADDRESS.matcher(n);
        if (m.matches()) {
            return part(index, header, m.group(1), m.group(2));
        }
        if (PLAIN_ADDRESS.matcher(n).matches()) {
            return part(index, header, "address", n);
        }
        if (KNOWN_SKIPPED.matcher(n).matches()) {
            return new Column(index, header, Target.IGNORE, null, null, false);
        }
        return null;
    }

    private static Column part(int index, String header, String group, String name) {
        AddressPart part;
        if (name.startsWith("street")) {
            part = AddressPart.STREET;
        } else if (name.equals("extendedaddress")) {
            part = AddressPart.EXTENDED;
        } else if (name.equals("pobox")) {
            part = AddressPart.PO_BOX;
        } else if (name.equals("city") || name.equals("town")) {
            part = AddressPart.CITY;
        } else if (name.equals("region") || name.equals("state") || name.equals("province")) {
            part = AddressPart.REGION;
        } else if (name.startsWith("zip") || name.startsWith("post")) {
            part = AddressPart.POSTAL_CODE;
        } else {
            part = AddressPart.COUNTRY;
        }
        return new Column(index, header, Target.ADDRESS, group, part, false);
    }

    private static String style(List<String> headers) {
        List<String> n = headers.stream().map(h -> h == null ? "" : normalise(h)).toList();
        if (n.stream().anyMatch(h -> GOOGLE_EMAIL.matcher(h).matches() || GOOGLE_PHONE.matcher(h).matches()
                || h.equals("groupmembership"))) {
            return "Google CSV";
        }
        if (n.contains("emailaddress") && (n.contains("businessphone") || n.contains("mobilephone")
                || n.contains("businessstreet") || n.contains("homestreet"))) {
            return "Outlook CSV";
        }
        return "CSV";
    }
}
