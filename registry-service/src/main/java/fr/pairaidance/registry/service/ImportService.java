package fr.pairaidance.registry.service;

import fr.pairaidance.platform.PlatformConfig;
import fr.pairaidance.platform.idempotency.IdempotencyKeys;
import fr.pairaidance.platform.idempotency.IdempotentResult;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.registry.config.RegistryConfig;
import fr.pairaidance.registry.persistence.ImportJob;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.jboss.logging.Logger;

/**
 * Bulk import of practitioners from CSV: the file is stored with the job in the request's
 * transaction, then processed in the background, one transaction per batch. A job interrupted by a
 * restart resumes at the first line it had not committed.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final ImportBatches batches;
    private final IdempotencyKeys idempotencyKeys;
    private final RegistryConfig config;
    private final PlatformConfig platform;
    private final Clock clock;
    private final Event<Submitted> submitted;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "practitioner-import"));

    ImportService(ImportBatches batches, IdempotencyKeys idempotencyKeys, RegistryConfig config,
            PlatformConfig platform, Clock clock, Event<Submitted> submitted) {
        this.batches = batches;
        this.platform = platform;
        this.idempotencyKeys = idempotencyKeys;
        this.config = config;
        this.clock = clock;
        this.submitted = submitted;
    }

    /** Signal observed once the submitting transaction has committed. */
    public record Submitted(UUID jobId) {
    }

    /**
     * Reads the upload from the client first, outside any transaction (a slow upload holds no connection
     * and cannot run into the transaction timeout), then stores it with its job in one transaction.
     */
    /**
     * Stores an uploaded file as a job: a CSV file as it came, an XLSX workbook as the CSV of its first sheet
     * (UTF-8).
     */
    public IdempotentResult<ImportJob> submit(InputStream body, boolean spreadsheet, Charset charset, String idempotencyKey,
            Caller caller) {
        if (!spreadsheet) {
            return submit(body, charset, idempotencyKey, caller);
        }
        java.nio.file.Path csv = SpreadsheetFile.toCsv(new java.io.BufferedInputStream(body), platform.maxUploadSize());
        try (InputStream converted = java.nio.file.Files.newInputStream(csv)) {
            return submit(converted, java.nio.charset.StandardCharsets.UTF_8, idempotencyKey, caller);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(csv);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }

    public IdempotentResult<ImportJob> submit(InputStream csv, Charset charset, String idempotencyKey, Caller caller) {
        ImportUpload upload = ImportUpload.read(csv, config.importJobs().chunkBytes(), platform.maxUploadSize());
        if (upload.blank()) {
            throw ProblemException.badRequest("body", "the CSV file is empty");
        }
        return store(upload, charset, idempotencyKey, caller); // ArC intercepts self-invocation: transactional
    }

    @Transactional
    IdempotentResult<ImportJob> store(ImportUpload upload, Charset charset, String idempotencyKey, Caller caller) {
        Optional<String> earlier = idempotencyKeys.claimDigest("import", caller, idempotencyKey, upload.sha256());
        if (earlier.isPresent()) {
            return new IdempotentResult<>(ImportJob.findById(UUID.fromString(earlier.get())), true);
        }
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.status = ImportJob.Status.RUNNING;
        job.submittedBy = caller.subject();
        job.submittedAt = clock.instant();
        job.charset = charset.name();
        job.persistAndFlush();
        batches.storeFile(job.id, upload.chunks());
        idempotencyKeys.complete("import", caller, idempotencyKey, job.id.toString());
        submitted.fire(new Submitted(job.id));
        return new IdempotentResult<>(job, false);
    }

    public ImportJob get(UUID id) {
        ImportJob job = ImportJob.findById(id);
        if (job == null) {
            throw ProblemException.notFound("Import job", id.toString());
        }
        return job;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Submitted event) {
        worker.execute(() -> run(event.jobId()));
    }

    void resumeInterrupted(@Observes StartupEvent startup) {
        batches.runningJobs().forEach(id -> worker.execute(() -> run(id)));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.shutdownNow();
    }

    /**
     * The job's stored file, read one chunk at a time. A UTF-8 byte-order mark (spreadsheets write one) is
     * skipped; bytes that are not text in the file's charset stop the job instead of becoming "\uFFFD".
     */
    private CSVParser parse(UUID jobId, Charset charset) throws IOException {
        InputStream file = BOMInputStream.builder().setInputStream(new SequenceInputStream(fileChunks(jobId))).get();
        byte[] start = batches.fileChunk(jobId, 0);
        char separator = ImportLayout.separator(start == null ? new byte[0] : start, charset);
        return CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new InputStreamReader(file, charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    /**
     * Writes the rejected rows of a finished job as CSV (UTF-8, the file's own header and values), for the
     * agent to fix and import again; empty when the job has none or its file is gone (kept a day).
     */
    public java.util.Optional<byte[]> rejectedRows(UUID jobId) {
        ImportJob job = get(jobId);
        java.util.Optional<java.util.Set<Long>> lines = batches.rejectedLines(job.id);
        if (lines.isEmpty()) {
            return java.util.Optional.empty();
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (CSVParser parser = parse(jobId, Charset.forName(job.charset));
                org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(
                        new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            printer.printRecord(parser.getHeaderNames());
            for (CSVRecord row : parser) {
                if (lines.get().contains(parser.getCurrentLineNumber())) {
                    printer.printRecord(row.values());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Optional.of(out.toByteArray());
    }

    /** Whether the rows a finished job rejected can still be downloaded (its file is kept a day). */
    public boolean hasRejectedRows(UUID jobId) {
        return batches.rejectedLines(get(jobId).id).isPresent();
    }

    /** Files kept for their rejected rows are deleted a day after their job finished. */
    @io.quarkus.scheduler.Scheduled(every = "1h", delayed = "1m")
    void dropOldFiles() {
        batches.dropFilesFinishedBefore(clock.instant().minus(java.time.Duration.ofDays(1)));
    }

    private Enumeration<InputStream> fileChunks(UUID jobId) {
        return new Enumeration<>() {
            private int seq;
            private byte[] next = batches.fileChunk(jobId, 0);

            @Override
            public boolean hasMoreElements() {
                return next != null;
            }

            @Override
            public InputStream nextElement() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                InputStream chunk = new ByteArrayInputStream(next);
                next = batches.fileChunk(jobId, ++seq);
                return chunk;
            }
        };
    }

    private void run(UUID jobId) {
        try {
            ImportBatches.Pending pending = batches.pending(jobId);
            if (pending == null) {
                return;
            }
            // Two passes over the stored file: the first checks the header and counts the rows (a file over
            // the limit is refused whole), the second writes them batch by batch, so that only one batch of
            // parsed rows is in memory at a time (all of them were kept before: 90 000 rows filled a small heap).
            try (CSVParser parser = parse(jobId, pending.charset())) {
                List<String> header = parser.getHeaderNames().stream()
                        .map(h -> h.strip().toLowerCase(java.util.Locale.ROOT)).toList();
                java.util.Optional<String> layout = ImportLayout.wrongLayout(header, ImportRow.COLUMNS);
                if (layout.isPresent()) {
                    batches.fail(jobId, layout.get());
                    return;
                }
                List<String> missing = ImportRow.COLUMNS.stream().filter(c -> !header.contains(c)).toList();
                List<String> unknown = header.stream().filter(c -> !ImportRow.COLUMNS.contains(c)).toList();
                if (!missing.isEmpty() || !unknown.isEmpty()) {
                    batches.rejectHeader(jobId, missing, unknown);
                    return;
                }
                long toWrite = 0;
                for (CSVRecord row : parser) {
                    if (row.getRecordNumber() + 1 >= pending.nextLine() && ++toWrite > config.importJobs().maxRows()) {
                        batches.rejectHeader(jobId, List.of(), List.of());
                        return;
                    }
                }
                batches.expect(jobId, toWrite);
            }
            int size = config.importJobs().batchSize();
            try (CSVParser parser = parse(jobId, pending.charset())) {
                List<ImportBatches.Row> batch = new ArrayList<>(size);
                for (CSVRecord row : parser) {
                    if (Thread.currentThread().isInterrupted()) {
                        return; // stopping: the job stays RUNNING and resumes from its next line at the next start
                    }
                    if (row.getRecordNumber() + 1 >= pending.nextLine()) {
                        batch.add(new ImportBatches.Row(row, parser.getCurrentLineNumber()));
                    }
                    if (batch.size() == size) {
                        batches.writeBatch(jobId, batch);
                        batch = new ArrayList<>(size);
                    }
                }
                if (!batch.isEmpty()) {
                    batches.writeBatch(jobId, batch);
                }
            }
            batches.finish(jobId);
        } catch (IOException | RuntimeException e) {
            // Only the class: a parser message could quote a row's personal data.
            LOG.errorf("Import job %s failed: %s", jobId, e.getClass().getName());
            batches.fail(jobId, reason(e));
        }
    }

    /** Why the job stopped, as the agent reads it on the job. */
    private static String reason(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return "the file holds bytes that are not text in its charset (UTF-8 unless the upload named another):"
                        + " save it as UTF-8, or send its charset, e.g. text/csv; charset=windows-1252";
            }
        }
        return e instanceof IOException || e instanceof UncheckedIOException ? "the file is not valid CSV"
                : "an unexpected error stopped the import";
    }
}
