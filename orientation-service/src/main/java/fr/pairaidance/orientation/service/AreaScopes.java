package fr.pairaidance.orientation.service;

import fr.pairaidance.platform.reference.Geography;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Parses typed area parameters and caches their {@link AreaScope} (geography does not change at run time). */
@ApplicationScoped
public class AreaScopes {

    private final Geography geography;
    private final Map<String, AreaScope> cache = new ConcurrentHashMap<>();

    AreaScopes(Geography geography) {
        this.geography = geography;
    }

    /** @return null when the value is absent; a 400 problem naming the parameter when it is wrong */
    public AreaScope parse(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Geography.Area area = geography.parseArea(parameter, value.strip());
        return cache.computeIfAbsent(area.toString(), k -> AreaScope.of(area, geography));
    }
}
