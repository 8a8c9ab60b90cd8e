package io.huduma.notifications.inbound;

/**
 * What requests-service tells about a request to the phone it was made from.
 *
 * @param status  the request status code ({@code SUBMITTED}, {@code IN_REVIEW}...)
 * @param dueDate ISO date in Africa/Dar_es_Salaam, or empty
 */
record TrackedRequest(String trackingNumber, String status, String serviceNameSw, String serviceNameEn,
                      String agencyCode, String dueDate) {
}
