package fr.pairaidance.systemtests;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests to the running services, with or without a bearer token. */
final class Api {

    private Api() {
    }

    static RequestSpecification registry(String token) {
        return spec(SystemUnderTest.get().serviceUrl("registry-service"), token);
    }

    static RequestSpecification labelling(String token) {
        return spec(SystemUnderTest.get().serviceUrl("labelling-service"), token);
    }

    static RequestSpecification orientation(String token) {
        return spec(SystemUnderTest.get().serviceUrl("orientation-service"), token);
    }

    static RequestSpecification spec(String baseUri, String token) {
        RequestSpecification spec = given().baseUri(baseUri).contentType(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }
}
