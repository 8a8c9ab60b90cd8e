package io.huduma.requests.request;

/**
 * Who is looking at or acting on requests: a citizen (their own requests only) or agency staff
 * (their agency's requests only). Anything else sees nothing.
 */
public record Viewer(String subject, Kind kind, String agency) {

    /** What the viewer is. */
    public enum Kind { CITIZEN, OFFICER, AGENCY_ADMIN }

    public boolean staff() {
        return kind != Kind.CITIZEN;
    }

    /** Whether this viewer may see {@code request}; a request they may not see is, for them, not there. */
    boolean sees(Request request) {
        return staff() ? agency != null && agency.equals(request.service().agencyCode())
                : subject != null && subject.equals(request.citizenSubject());
    }
}
