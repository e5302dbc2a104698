package fr.pairaidance.registry.service;

import fr.pairaidance.platform.idempotency.IdempotencyKeys;
import fr.pairaidance.platform.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An uploaded CSV file as read from the request: chunks of at most {@code chunkBytes} bytes, stored as they
 * are, and the file's digest for the Idempotency-Key check. Never one array or string the size of the file:
 * with a 96 MB heap, a 12 MB file held as a string, then encoded again by the driver, did not fit.
 */
record ImportUpload(List<byte[]> chunks, byte[] sha256, boolean blank) {

    static ImportUpload read(InputStream body, int chunkBytes, long maxBytes) {
        List<byte[]> chunks = new ArrayList<>();
        MessageDigest digest = IdempotencyKeys.sha256();
        boolean blank = true;
        long total = 0;
        try {
            while (true) {
                byte[] chunk = new byte[chunkBytes];
                int read = body.readNBytes(chunk, 0, chunkBytes);
                if (read == 0) {
                    break;
                }
                total += read;
                if (total > maxBytes) {
                    throw ProblemException.payloadTooLarge("body", maxBytes, "split the CSV file into several imports");
                }
                digest.update(chunk, 0, read);
                blank = blank && isBlank(chunk, read);
                chunks.add(read == chunkBytes ? chunk : Arrays.copyOf(chunk, read));
                if (read < chunkBytes) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ImportUpload(List.copyOf(chunks), digest.digest(), blank);
    }

    private static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return false;
            }
        }
        return true;
    }
}
