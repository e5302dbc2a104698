package fr.pairaidance.registry.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A bulk import of practitioners from a CSV file, processed in the background. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    public enum Status { RUNNING, DONE, FAILED }

    /** A rejected row: its line number in the file and what is wrong, never the row's values. */
    public record Rejection(long line, String field, String reason) {
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "total_rows")
    public int totalRows;

    @Column(name = "imported_rows")
    public int importedRows;

    @Column(name = "rejected_rows")
    public int rejectedRows;

    /** The rows of the file, counted before any is written (null until then). */
    @Column(name = "expected_rows")
    public Integer expectedRows;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Rejection> rejections = new ArrayList<>();

    /** The charset of the stored file (the upload's Content-Type charset, UTF-8 when it named none). */
    public String charset = "UTF-8";

    /** The file line the next batch starts at (line 1 is the header). */
    @Column(name = "next_line")
    public long nextLine = 2;
}
