package fr.pairaidance.orientation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(OrientationTestProfile.class)
class GeographyTest {

    @Test
    void aCommuneIsFoundByTypedCodePostalCodeOrNameWithoutAccents() {
        given().queryParam("code", "com:69123").get("/api/v1/geography/communes").then().statusCode(200)
                .body("items[0].name", equalTo("Lyon")).body("items[0].zone.code", equalTo("8421"))
                .body("items[0].department.code", equalTo("69")).body("items[0].region.code", equalTo("84"));
        given().queryParam("postalCode", "35000").get("/api/v1/geography/communes").then().statusCode(200)
                .body("items.code", hasItem("35238"));
        given().queryParam("name", "saint-etienne").queryParam("limit", "1").get("/api/v1/geography/communes")
                .then().statusCode(200).body("items[0].code", equalTo("42218"))
                .body("items[0].name", equalTo("Saint-Étienne"));
    }

    @Test
    void zonesOfRegion53AreInBretagneAndThoseOfDepartment53InMayenne() {
        given().queryParam("area", "reg:53").get("/api/v1/geography/zones").then().statusCode(200)
                .body("items.code", hasItem("5315")).body("items.code", not(hasItem("5211")));
        given().queryParam("area", "dep:53").get("/api/v1/geography/zones").then().statusCode(200)
                .body("items.code", hasItem("5211")).body("items.code", not(hasItem("5315")));
    }

    @Test
    void guyaneAndMayotteHaveTheirZones() {
        given().queryParam("area", "dep:976").get("/api/v1/geography/zones").then().statusCode(200)
                .body("items.code", contains("0601")).body("items.name", contains("Mayotte"));
        given().queryParam("area", "reg:03").get("/api/v1/geography/zones").then().statusCode(200)
                .body("items.code", contains("0301", "0302", "0303"));
        given().queryParam("area", "ze:0301").get("/api/v1/practitioners").then().statusCode(200);
    }

    @Test
    void wrongGeographyParametersAre400ProblemsNamingThem() {
        given().queryParam("name", "__").get("/api/v1/geography/communes").then().statusCode(400)
                .body("errors.field", contains("name"));
        given().queryParam("area", "53").get("/api/v1/geography/zones").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("area"));
        given().queryParam("area", "dep:999").get("/api/v1/geography/zones").then().statusCode(400)
                .body("errors.field", contains("area"));
        given().queryParam("code", "69123").get("/api/v1/geography/communes").then().statusCode(400)
                .body("errors.field", contains("code"));
        given().queryParam("code", "dep:69").get("/api/v1/geography/communes").then().statusCode(400)
                .body("errors.field", contains("code"));
        given().queryParam("postalCode", "ABCDE").get("/api/v1/geography/communes").then().statusCode(400)
                .body("errors.field", contains("postalCode"));
        given().get("/api/v1/geography/communes").then().statusCode(400);
    }
}
