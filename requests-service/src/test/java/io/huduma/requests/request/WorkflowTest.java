package io.huduma.requests.request;

import static io.huduma.requests.request.RequestStatus.APPROVED;
import static io.huduma.requests.request.RequestStatus.COMPLETED;
import static io.huduma.requests.request.RequestStatus.IN_REVIEW;
import static io.huduma.requests.request.RequestStatus.NEEDS_INFO;
import static io.huduma.requests.request.RequestStatus.REJECTED;
import static io.huduma.requests.request.RequestStatus.SUBMITTED;
import static io.huduma.requests.request.RequestStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.huduma.platform.domain.DomainException;
import io.huduma.requests.request.Workflow.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkflowTest {

    /** The workflow, written out independently of the class under test. */
    private static final Set<String> EXPECTED = Set.of(
            "SUBMITTED>IN_REVIEW:OFFICER", "IN_REVIEW>NEEDS_INFO:OFFICER", "NEEDS_INFO>IN_REVIEW:CITIZEN",
            "IN_REVIEW>APPROVED:OFFICER", "IN_REVIEW>REJECTED:OFFICER", "APPROVED>COMPLETED:OFFICER",
            "SUBMITTED>WITHDRAWN:CITIZEN", "IN_REVIEW>WITHDRAWN:CITIZEN", "NEEDS_INFO>WITHDRAWN:CITIZEN");

    static Stream<Arguments> everyMove() {
        List<Arguments> all = new ArrayList<>();
        for (RequestStatus from : RequestStatus.values()) {
            for (RequestStatus to : RequestStatus.values()) {
                for (Actor actor : Actor.values()) {
                    all.add(Arguments.of(from, to, actor));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} by {2}")
    @MethodSource("everyMove")
    void everyMoveIsAllowedExactlyWhenTheWorkflowHasIt(RequestStatus from, RequestStatus to, Actor actor) {
        boolean expected = EXPECTED.contains(from + ">" + to + ":" + actor);

        assertThat(Workflow.allows(from, to, actor)).isEqualTo(expected);
        if (expected) {
            assertThatCode(() -> Workflow.check(from, to, actor, "a reason", "CERT-1")).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> Workflow.check(from, to, actor, "a reason", "CERT-1"))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
        }
    }

    @Test
    void rejectionNeedsAReason() {
        assertThatThrownBy(() -> Workflow.check(IN_REVIEW, REJECTED, Actor.OFFICER, " ", null))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.errors()).extracting(DomainException.FieldError::field).containsExactly("/note");
                });
    }

    @Test
    void askingForInformationSaysWhat() {
        assertThatThrownBy(() -> Workflow.check(IN_REVIEW, NEEDS_INFO, Actor.OFFICER, null, null))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void completionNeedsAnOutcomeReference() {
        assertThatThrownBy(() -> Workflow.check(APPROVED, COMPLETED, Actor.OFFICER, null, ""))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.errors())
                        .extracting(DomainException.FieldError::field).containsExactly("/outcomeReference"));
        assertThatCode(() -> Workflow.check(APPROVED, COMPLETED, Actor.OFFICER, null, "BRELA-CERT-2026-77"))
                .doesNotThrowAnyException();
    }

    @Test
    void noMoveLeavesAClosedRequestExceptCompletionOfAnApproval() {
        for (RequestStatus closed : List.of(REJECTED, COMPLETED, WITHDRAWN)) {
            assertThat(Workflow.officerMovesFrom(closed)).isEmpty();
        }
        assertThat(Workflow.officerMovesFrom(APPROVED)).containsExactly(COMPLETED);
        assertThat(Workflow.officerMovesFrom(SUBMITTED)).containsExactly(IN_REVIEW);
    }
}
