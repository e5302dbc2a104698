package fr.pairaidance.orientation.rest;

import fr.pairaidance.orientation.service.SearchCriteria;
import jakarta.ws.rs.core.EntityTag;

/**
 * ETags of search answers without their body: read-model version, then a hash of the normalised
 * criteria. The same version and criteria give the same body on every instance, so equal tags mean
 * equal answers; any change of the listing bumps the version. {@link #FORMAT} changes with the JSON
 * of the answer, so that a new release does not confirm bodies of the old one.
 */
final class SearchEtags {

    static final String FORMAT = "s1";
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private SearchEtags() {
    }

    static EntityTag of(long version, SearchCriteria c) {
        String canonical = String.join("|", c.scope() == null ? "" : c.scope().area().toString(),
                String.join(",", c.domains()), nullToEmpty(c.appellation()), nullToEmpty(c.mode()),
                nullToEmpty(c.format()), nullToEmpty(c.language()), String.valueOf(c.remote()),
                Integer.toString(c.page()), Integer.toString(c.size()));
        return new EntityTag(FORMAT + "-" + version + "-" + Long.toHexString(fnv1a(canonical)));
    }

    /** 64-bit FNV-1a over the UTF-16 units: stable across JVMs, unlike the record's hashCode. */
    private static long fnv1a(String s) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            hash ^= s.charAt(i);
            hash *= FNV_PRIME;
        }
        return hash;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
