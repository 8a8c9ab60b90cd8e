package io.huduma.archfixture.feature;

import io.huduma.platform.domain.DomainException;

/** Fixture: a use case as it should be: refusals are domain exceptions. */
class Plain {

    void check(boolean ok) {
        if (!ok) {
            throw DomainException.conflict("not ok");
        }
    }
}
