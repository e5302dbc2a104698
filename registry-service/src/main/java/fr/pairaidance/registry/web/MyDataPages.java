package fr.pairaidance.registry.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pairaidance.platform.security.Roles;
import fr.pairaidance.platform.web.Pages;
import fr.pairaidance.platform.web.WebConfig;
import fr.pairaidance.registry.rest.MyDataResource;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * "My data": everything the system holds about the signed-in practitioner, from the three services, as
 * one readable JSON file (GDPR rights of access and portability). Each service answers for its own data
 * through its API ({@code GET /api/v1/my-data}); this page gathers the parts with the person's own
 * token, each with a short explanation in their language. A service that does not answer is named in
 * the file as not included, so the file never pretends to be complete.
 */
@Path("/me/data")
@RolesAllowed(Roles.PRACTITIONER)
public class MyDataPages {

    private static final Logger LOG = Logger.getLogger(MyDataPages.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The sister services whose parts the file gathers, in the order of the file. */
    private static final List<String> SISTERS = List.of("labelling", "orientation");

    private final Pages pages;
    private final WebConfig web;
    private final MyDataResource registry;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Template page;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    MyDataPages(Pages pages, WebConfig web, MyDataResource registry, SecurityIdentity identity, ObjectMapper mapper,
            Clock clock, @Location("my-data.html") Template page) {
        this.pages = pages;
        this.web = web;
        this.registry = registry;
        this.identity = identity;
        this.mapper = mapper;
        this.clock = clock;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance explanation() {
        return pages.page(page);
    }

    @GET
    @Path("file")
    @Produces(MediaType.APPLICATION_JSON)
    public Response file() {
        RegistryMessages msg = pages.messages(RegistryMessages.class);
        ObjectNode file = mapper.createObjectNode();
        file.put("title", msg.myDataFileTitle());
        file.put("about", msg.myDataFileAbout());
        file.put("generatedAt", clock.instant().toString());
        ArrayNode parts = file.putArray("parts");
        parts.add(part("registry", msg.myDataPartRegistry(), mapper.valueToTree(registry.mine())));
        for (String site : SISTERS) {
            String explanation = "labelling".equals(site) ? msg.myDataPartLabelling() : msg.myDataPartOrientation();
            JsonNode data = fetch(site);
            parts.add(data == null ? unavailable(site, explanation, msg.myDataPartUnavailable()) : part(site, explanation, data));
        }
        String name = "mes-donnees-pairaidance-" + LocalDate.now(clock) + ".json";
        return Response.ok(file.toPrettyString(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").build();
    }

    private ObjectNode part(String site, String explanation, JsonNode data) {
        ObjectNode part = mapper.createObjectNode();
        part.put("service", site);
        part.put("source", source(site));
        part.put("explanation", explanation);
        part.set("data", data);
        return part;
    }

    private ObjectNode unavailable(String site, String explanation, String why) {
        ObjectNode part = mapper.createObjectNode();
        part.put("service", site);
        part.put("source", source(site));
        part.put("explanation", explanation);
        part.put("notIncluded", why);
        return part;
    }

    private String source(String site) {
        return web.sites().get(site) + "/api/v1/my-data";
    }

    /** The sister service's part, read with the person's own token; null when it does not answer. */
    private JsonNode fetch(String site) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            return null;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(source(site))).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token.getToken()).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warnf("My data: %s answered %d", site, response.statusCode());
                return null;
            }
            return mapper.readTree(response.body());
        } catch (IOException e) {
            LOG.warnf("My data: %s did not answer (%s)", site, e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
