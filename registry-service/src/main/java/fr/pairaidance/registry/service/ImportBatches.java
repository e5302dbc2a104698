package fr.pairaidance.registry.service;

import fr.pairaidance.platform.problem.Problem.FieldError;
import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.platform.security.Roles;
import fr.pairaidance.registry.persistence.ImportJob;
import fr.pairaidance.registry.persistence.ImportJob.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVRecord;

/** The transactions of a bulk import: one per batch of rows, and the job's start and end. */
@ApplicationScoped
public class ImportBatches {

    /** Rejections stored per job at most; the count of rejected rows is always exact. */
    private static final int MAX_STORED_REJECTIONS = 10_000;

    private final PractitionerService practitioners;
    private final RegistryNumbers registryNumbers;
    private final EntityManager em;
    private final Clock clock;

    ImportBatches(PractitionerService practitioners,
            RegistryNumbers registryNumbers, EntityManager em, Clock clock) {
        this.registryNumbers = registryNumbers;
        this.practitioners = practitioners;
        this.em = em;
        this.clock = clock;
    }

    /** A row of the file and the line it ends on (blank lines and values spanning lines counted). */
    public record Row(CSVRecord values, long line) {
    }

    /** A running job: the line its next batch starts at, and the charset of its file. */
    public record Pending(long nextLine, Charset charset) {
    }

    @Transactional
    public List<UUID> runningJobs() {
        return ImportJob.<ImportJob>list("status", ImportJob.Status.RUNNING).stream().map(j -> j.id).toList();
    }

    @Transactional
    public Pending pending(UUID jobId) {
        ImportJob job = ImportJob.findById(jobId);
        return job == null || job.status != ImportJob.Status.RUNNING ? null
                : new Pending(job.nextLine, Charset.forName(job.charset));
    }

    /** Stores the uploaded file with its job, in the submitting transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void storeFile(UUID jobId, List<byte[]> chunks) {
        for (int seq = 0; seq < chunks.size(); seq++) {
            em.createNativeQuery("insert into import_job_chunk (job_id, seq, data) values (?1, ?2, ?3)")
                    .setParameter(1, jobId).setParameter(2, seq).setParameter(3, chunks.get(seq)).executeUpdate();
        }
    }

    /** A chunk of the job's file, or null past its last one. */
    @Transactional
    public byte[] fileChunk(UUID jobId, int seq) {
        List<?> data = em.createNativeQuery("select data from import_job_chunk where job_id = ?1 and seq = ?2")
                .setParameter(1, jobId).setParameter(2, seq).getResultList();
        return data.isEmpty() ? null : (byte[]) data.get(0);
    }

    private void dropFile(UUID jobId) {
        em.createNativeQuery("delete from import_job_chunk where job_id = ?1").setParameter(1, jobId).executeUpdate();
    }

    /** Validates the rows, inserts the valid ones with their events, records the rejected ones. */
    @Transactional
    public void writeBatch(UUID jobId, List<Row> rows) {
        ImportJob job = em.find(ImportJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        Caller agent = new Caller(job.submittedBy, Set.of(Roles.REGISTRY_AGENT), null, false, job.submittedBy);
        List<PractitionerInput> valid = new ArrayList<>();
        List<Long> validLines = new ArrayList<>();
        for (Row row : rows) {
            long line = row.line();
            try {
                PractitionerInput input = ImportRow.parse(row.values());
                List<FieldError> errors = check(input);
                if (errors.isEmpty()) {
                    valid.add(input);
                    validLines.add(line);
                } else {
                    reject(job, line, errors);
                }
            } catch (ImportRow.Unreadable e) {
                reject(job, line, List.of(new FieldError(e.column, e.getMessage())));
            }
        }
        Set<String> taken = takenEmails(valid);
        Deque<String> numbers = registryNumbers.next(Math.max(valid.size(), 1), clock.instant());
        for (int i = 0; i < valid.size(); i++) {
            PractitionerInput input = valid.get(i);
            if (!taken.add(input.email().toLowerCase(Locale.ROOT))) {
                reject(job, validLines.get(i), List.of(new FieldError("email", "is already registered")));
                continue;
            }
            practitioners.insert(input, agent, numbers.pop());
            job.importedRows++;
        }
        job.totalRows += rows.size();
        job.nextLine = rows.get(rows.size() - 1).values().getRecordNumber() + 2;
    }

    @Transactional
    public void finish(UUID jobId) {
        ImportJob job = ImportJob.findById(jobId);
        job.status = ImportJob.Status.DONE;
        job.finishedAt = clock.instant();
        if (job.rejectedRows == 0) {
            dropFile(jobId);
        }
        // Otherwise the file stays a day, so that the agent can download its rejected rows to fix them.
    }

    /** Records how many rows the job will process in all: those done and those still to do. */
    @Transactional
    public void expect(UUID jobId, long remaining) {
        ImportJob job = ImportJob.findById(jobId);
        job.expectedRows = (int) Math.min(Integer.MAX_VALUE, job.totalRows + remaining);
    }

    /** Deletes the files of jobs finished before the given instant (those kept for their rejected rows). */
    @Transactional
    public int dropFilesFinishedBefore(java.time.Instant instant) {
        return em.createNativeQuery("delete from import_job_chunk where job_id in (select id from import_job"
                + " where status <> 'RUNNING' and finished_at < ?1)").setParameter(1, instant).executeUpdate();
    }

    /** The lines of the job's rejected rows, and whether its file is still stored. */
    @Transactional
    public java.util.Optional<java.util.Set<Long>> rejectedLines(UUID jobId) {
        ImportJob job = ImportJob.findById(jobId);
        if (job == null || job.status != ImportJob.Status.DONE || fileChunk(jobId, 0) == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(job.rejections.stream().map(ImportJob.Rejection::line)
                .collect(java.util.stream.Collectors.toSet()));
    }

    @Transactional
    public void rejectHeader(UUID jobId, List<String> missing, List<String> unknown) {
        ImportJob job = ImportJob.findById(jobId);
        missing.forEach(c -> job.rejections.add(new Rejection(1, c, "required column is missing")));
        unknown.forEach(c -> job.rejections.add(new Rejection(1, c, "unknown column")));
        if (missing.isEmpty() && unknown.isEmpty()) {
            job.rejections.add(new Rejection(1, "file", "has more rows than one import accepts"));
        }
        job.status = ImportJob.Status.FAILED;
        job.finishedAt = clock.instant();
        dropFile(jobId);
    }

    @Transactional
    public void fail(UUID jobId, String reason) {
        ImportJob job = ImportJob.findById(jobId);
        if (job != null) {
            job.rejections.add(new Rejection(job.nextLine, "file", reason));
            job.status = ImportJob.Status.FAILED;
            job.finishedAt = clock.instant();
            dropFile(jobId);
        }
    }

    /** The faults of a row, each named by its CSV column. */
    private List<FieldError> check(PractitionerInput input) {
        return practitioners.faults(input).stream().map(e -> new FieldError(ImportRow.column(e.field()), e.message()))
                .distinct().sorted(Comparator.comparing(FieldError::field)).toList();
    }

    private Set<String> takenEmails(List<PractitionerInput> inputs) {
        if (inputs.isEmpty()) {
            return new HashSet<>();
        }
        List<String> emails = inputs.stream().map(i -> i.email().toLowerCase(Locale.ROOT)).toList();
        return new HashSet<>(em.createQuery("select lower(p.email) from Practitioner p where lower(p.email) in :emails",
                String.class).setParameter("emails", emails).getResultList());
    }

    private static void reject(ImportJob job, long line, List<FieldError> errors) {
        job.rejectedRows++;
        for (FieldError error : errors) {
            if (job.rejections.size() < MAX_STORED_REJECTIONS) {
                job.rejections.add(new Rejection(line, error.field(), error.message()));
            }
        }
    }

}
