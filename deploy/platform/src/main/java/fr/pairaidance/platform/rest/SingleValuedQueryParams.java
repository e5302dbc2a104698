package fr.pairaidance.platform.rest;

import fr.pairaidance.platform.problem.ProblemException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query parameter an endpoint takes once ({@code area}, {@code page}), given twice, is a 400 naming it.
 * JAX-RS would use the first value silently, and which one counts would be the client's guess. List
 * parameters ({@code domain}) take every value.
 */
public class SingleValuedQueryParams {

    private final Map<Method, List<String>> singleValuedByMethod = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseRepeats(ContainerRequestContext request, ResourceInfo resource) {
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        Method method = resource.getResourceMethod();
        if (query.isEmpty() || method == null) {
            return;
        }
        for (String name : singleValuedByMethod.computeIfAbsent(method, SingleValuedQueryParams::singleValued)) {
            List<String> values = query.get(name);
            if (values != null && values.size() > 1) {
                throw ProblemException.badRequest(name, "must be given once (it was given " + values.size() + " times)");
            }
        }
    }

    private static List<String> singleValued(Method method) {
        return Arrays.stream(method.getParameters())
                .filter(p -> p.isAnnotationPresent(QueryParam.class) && !takesSeveral(p))
                .map(p -> p.getAnnotation(QueryParam.class).value())
                .toList();
    }

    private static boolean takesSeveral(Parameter parameter) {
        return Collection.class.isAssignableFrom(parameter.getType()) || parameter.getType().isArray();
    }
}
