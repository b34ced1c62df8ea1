package dev.rapport.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

import org.springframework.core.io.InputStreamSource;

/**
 * An uploaded contacts file after sniffing: its format, text encoding and byte-order mark. The
 * content is read again from the source (a temporary file), never held in memory.
 */
record ImportFile(InputStreamSource source, String filename, ImportFormat format, Charset charset, int bomBytes,
                  long lines) {

    /** The text after the byte-order mark, decoded; the caller closes it. */
    BufferedReader open() throws IOException {
        InputStream in = source.getInputStream();
        try {
            in.skipNBytes(bomBytes);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return new BufferedReader(new InputStreamReader(in, charset), 64 * 1024);
    }
}
