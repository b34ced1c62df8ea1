package dev.rapport.exchange;

import java.io.Closeable;
import java.io.IOException;

import dev.rapport.clients.Client;

/** Writes clients one after the other to an export file. */
interface ClientRowWriter extends Closeable {
    void write(Client client) throws IOException;
}
