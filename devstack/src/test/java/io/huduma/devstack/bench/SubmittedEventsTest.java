package io.huduma.devstack.bench;

import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.requests.v1.RequestStatusChanged;
import io.huduma.contracts.requests.v1.RequestSubmitted;
import com.google.protobuf.Any;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The intake benchmark's accounting: acknowledged submissions against what the topic announced. */
class SubmittedEventsTest {

    private static final String A = "0b7e1c2a-6f43-4d5e-9a1b-2c3d4e5f6a7b";
    private static final String B = "1c8f2d3b-7a54-4e6f-8b2c-3d4e5f6a7b8c";
    private static final String OTHER = "2d9a3e4c-8b65-4f70-9c3d-4e5f6a7b8c9d";

    @Test
    void eachAcknowledgedSubmissionMustBeAnnouncedOnce() {
        SubmittedEvents.Tally tally = new SubmittedEvents.Tally(List.of(A, "", B + "\n"));
        tally.record(A);
        tally.record(OTHER); // another run's submission: not counted
        tally.record(null); // not a RequestSubmitted
        assertThat(tally.acknowledged()).isEqualTo(2);
        assertThat(tally.announced()).isEqualTo(1);
        assertThat(tally.missing()).isEqualTo(1);
        assertThat(tally.someMissing(5)).containsExactly(B);

        tally.record(B);
        tally.record(A);
        tally.record(A);
        assertThat(tally.missing()).isZero();
        assertThat(tally.duplicated()).as("A announced three times is one duplicated submission").isEqualTo(1);
    }

    @Test
    void aLineThatIsNotARequestIdIsRefused() {
        assertThatThrownBy(() -> new SubmittedEvents.Tally(List.of("?"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyRequestSubmittedEnvelopesCarryAnId() {
        byte[] submitted = EventEnvelope.newBuilder()
                .setData(Any.pack(RequestSubmitted.newBuilder().setRequestId(A).build())).build().toByteArray();
        byte[] changed = EventEnvelope.newBuilder()
                .setData(Any.pack(RequestStatusChanged.newBuilder().setRequestId(A).build())).build().toByteArray();
        assertThat(SubmittedEvents.submittedRequestId(submitted)).isEqualTo(A);
        assertThat(SubmittedEvents.submittedRequestId(changed)).isNull();
        assertThat(SubmittedEvents.submittedRequestId(new byte[] {(byte) 0xff, 0x01})).isNull();
    }
}
