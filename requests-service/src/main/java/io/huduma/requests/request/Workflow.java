package io.huduma.requests.request;

import static io.huduma.requests.request.RequestStatus.APPROVED;
import static io.huduma.requests.request.RequestStatus.COMPLETED;
import static io.huduma.requests.request.RequestStatus.IN_REVIEW;
import static io.huduma.requests.request.RequestStatus.NEEDS_INFO;
import static io.huduma.requests.request.RequestStatus.REJECTED;
import static io.huduma.requests.request.RequestStatus.SUBMITTED;
import static io.huduma.requests.request.RequestStatus.WITHDRAWN;

import java.util.List;
import java.util.Set;

import io.huduma.platform.domain.DomainException;

/**
 * The request workflow: which move from which status, by whom, and what it needs.
 * {@code SUBMITTED → IN_REVIEW → NEEDS_INFO ⇄ (citizen responds) → APPROVED | REJECTED},
 * {@code APPROVED → COMPLETED}, and {@code WITHDRAWN} by the citizen before a decision.
 * Anything else is a conflict.
 */
public final class Workflow {

    /** Who asks for a move. */
    public enum Actor { CITIZEN, OFFICER }

    /** One allowed move. */
    record Move(RequestStatus from, RequestStatus to, Actor actor) {
    }

    static final Set<Move> MOVES = Set.of(
            new Move(SUBMITTED, IN_REVIEW, Actor.OFFICER),
            new Move(IN_REVIEW, NEEDS_INFO, Actor.OFFICER),
            new Move(NEEDS_INFO, IN_REVIEW, Actor.CITIZEN),
            new Move(IN_REVIEW, APPROVED, Actor.OFFICER),
            new Move(IN_REVIEW, REJECTED, Actor.OFFICER),
            new Move(APPROVED, COMPLETED, Actor.OFFICER),
            new Move(SUBMITTED, WITHDRAWN, Actor.CITIZEN),
            new Move(IN_REVIEW, WITHDRAWN, Actor.CITIZEN),
            new Move(NEEDS_INFO, WITHDRAWN, Actor.CITIZEN));

    private Workflow() {
    }

    public static boolean allows(RequestStatus from, RequestStatus to, Actor actor) {
        return MOVES.contains(new Move(from, to, actor));
    }

    /**
     * Checks a move and what it needs: a note (the reason) to reject or ask for information, an
     * outcome reference to complete. Throws a conflict for a move the workflow does not have.
     */
    public static void check(RequestStatus from, RequestStatus to, Actor actor, String note, String outcomeReference) {
        if (!allows(from, to, actor)) {
            throw DomainException.conflict("A request that is " + from + " cannot move to " + to
                    + (actor == Actor.CITIZEN ? " by its citizen" : " by an officer"));
        }
        if ((to == REJECTED || to == NEEDS_INFO) && blank(note)) {
            throw DomainException.invalid("/note", to == REJECTED
                    ? "a reason is required to reject a request" : "say what information is needed");
        }
        if (to == COMPLETED && blank(outcomeReference)) {
            throw DomainException.invalid("/outcomeReference",
                    "an outcome reference (e.g. the certificate number) is required to complete a request");
        }
    }

    /** The statuses an officer may move a request to from {@code from}. */
    public static List<RequestStatus> officerMovesFrom(RequestStatus from) {
        return MOVES.stream().filter(m -> m.from() == from && m.actor() == Actor.OFFICER).map(Move::to).sorted().toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
