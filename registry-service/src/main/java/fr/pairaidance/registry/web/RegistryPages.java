package fr.pairaidance.registry.web;

import fr.pairaidance.platform.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The registry's front page: what the national register is, and where each person goes from here. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class RegistryPages {

    private final Pages pages;
    private final Template home;

    RegistryPages(Pages pages, @Location("home.html") Template home) {
        this.pages = pages;
        this.home = home;
    }

    @GET
    public TemplateInstance home() {
        return pages.page(home);
    }
}
