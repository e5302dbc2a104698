package fr.pairaidance.benchmarks;

import java.util.List;

/** The reads of a label verification (label by number, then the holder's public name), for pgbench. */
final class VerificationSql {

    private VerificationSql() {
    }

    static String of(List<String> numbers) {
        String array = "'{" + String.join(",", numbers) + "}'::varchar[]";
        return "\\set i random(1, " + numbers.size() + ")\n"
                + "select id, number, practitioner_id as pid, state, domains, appellations, granted_at, expires_on, "
                + "suspended_until from label where number = (" + array + ")[:i] \\gset\n"
                + "select practitioner_id, registry_number, public_name, status, core_complete from "
                + "practitioner_eligibility where practitioner_id = :pid;\n";
    }
}
