package fr.pairaidance.orientation.service;

import java.math.BigDecimal;
import java.util.List;

/**
 * Territory indicators. Every count from 1 to threshold - 1 is suppressed (value null, suppressed
 * true); zero is shown. Rates and densities are given only when the counts they derive from are shown.
 */
public record Indicators(String area, String areaName, long population, int suppressionThreshold,
        Count labelledPractitioners, BigDecimal practitionersPer100k, List<DomainCount> byDomain, Requests requests,
        UnmetDemand unmetDemand) {

    public record Count(Long value, boolean suppressed) {

        public static Count of(long n, int threshold) {
            boolean suppressed = n > 0 && n < threshold;
            return new Count(suppressed ? null : n, suppressed);
        }
    }

    public record DomainCount(String domain, Count practitioners) {
    }

    public record Requests(Count sent, Count accepted, Count declined, Count expired, Count pending,
            BigDecimal acceptanceRate) {
    }

    public record UnmetDemand(Count searches, Count searchesWithNobodyInArea, Count requestsWithNobodyInArea) {
    }
}
