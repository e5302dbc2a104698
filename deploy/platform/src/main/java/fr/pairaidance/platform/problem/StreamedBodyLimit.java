package fr.pairaidance.platform.problem;

import fr.pairaidance.platform.PlatformConfig;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * The body limit for entities sent without Content-Length (chunked). {@link HttpLayerProblems} refuses an
 * announced size over {@code pairaidance.platform.max-body-size} before reading; this counts what an entity
 * reader takes and fails it with the same 413 problem, naming {@code body}, once the limit is passed. Without it a
 * chunked body would be read up to the HTTP layer's own, higher limit, which answers an empty 413. Resources
 * that take the raw stream (the CSV import) count it themselves, with their own advice. Application-scoped so
 * that it is created at run time, when the configuration is there (providers are set up at static init).
 */
@Provider
@ApplicationScoped
public class StreamedBodyLimit implements ReaderInterceptor {

    private final long maxBytes;

    StreamedBodyLimit(PlatformConfig config) {
        this.maxBytes = config.maxBodySize();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getType() != InputStream.class) {
            context.setInputStream(new Bounded(context.getInputStream(), maxBytes));
        }
        return context.proceed();
    }

    private static final class Bounded extends FilterInputStream {

        private final long maxBytes;
        private long read;

        Bounded(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws TooLarge {
            read += n;
            if (read > maxBytes) {
                throw new TooLarge(maxBytes);
            }
        }
    }

    /**
     * An I/O failure, so that Jackson passes it on as it is (it wraps unchecked exceptions of its input into
     * a mapping failure of the field it was reading); {@link ProblemMappers} answers the 413 problem.
     */
    static final class TooLarge extends IOException {

        private final long maxBytes;

        TooLarge(long maxBytes) {
            super("request body over " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        ProblemException problem() {
            return ProblemException.payloadTooLarge("body", maxBytes, "send a smaller request");
        }
    }
}
