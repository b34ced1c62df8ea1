package dev.rapport.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import dev.rapport.clients.Client;
import dev.rapport.clients.ClientDetails;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.property.Address;
import ezvcard.property.Uid;

/**
 * Clients as vCard 4.0 (UTF-8): FN, ORG, EMAIL, TEL, ADR (the address text as street, and as a label
 * made safe for a parameter), CATEGORIES from tags, NOTE, a stable UID per client, REV, and the tier
 * and status as X-RAPPORT-* properties that Rapport's import reads back.
 */
final class VCardClientWriter implements ClientRowWriter {
    static final String UID_PREFIX = "urn:rapport:client:";

    private final Writer text;
    private final VCardWriter vcards;

    VCardClientWriter(OutputStream out) {
        this.text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.vcards = new VCardWriter(text, VCardVersion.V4_0);
        this.vcards.setAddProdId(false);
    }

    @Override
    public void write(Client c) throws IOException {
        ClientDetails d = c.details();
        VCard card = new VCard();
        card.setProductId("-//Rapport//Rapport CRM//EN");
        card.setFormattedName(d.name());
        if (d.organisation() != null) {
            card.setOrganization(d.organisation());
        }
        d.emails().forEach(card::addEmail);
        d.phones().forEach(card::addTelephoneNumber);
        for (String a : d.addresses()) {
            Address address = new Address();
            address.setStreetAddress(a);
            address.setLabel(label(a));
            card.addAddress(address);
        }
        if (!d.tags().isEmpty()) {
            card.setCategories(d.tags().toArray(String[]::new));
        }
        if (d.notes() != null) {
            card.addNote(d.notes());
        }
        card.setUid(new Uid(UID_PREFIX + c.id().value()));
        card.setRevision(c.updatedAt());
        card.addExtendedProperty(VCardContactReader.TIER, d.tier());
        card.addExtendedProperty(VCardContactReader.STATUS, d.status().code());
        vcards.write(card);
    }

    /**
     * The address as a LABEL parameter: a parameter value cannot hold a double quote, CR or LF, and
     * ez-vcard throws on them mid-export. The ADR value keeps the address exactly.
     */
    static String label(String address) {
        return address.replace('"', '\'').replaceAll("\r\n|[\r\n]", " ");
    }

    @Override
    public void close() throws IOException {
        vcards.flush();
        text.flush();
    }
}
