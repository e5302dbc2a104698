package fr.pairaidance.orientation.service;

import fr.pairaidance.orientation.persistence.OrientationRequest;

/**
 * A request as one caller may see it: the contact details are present only for the employer who
 * sent it, once the practitioner accepted, and only those the practitioner consented to share.
 */
public record RequestDetails(OrientationRequest request, Contact contact) {

    public record Contact(String email, String phone) {
    }
}
