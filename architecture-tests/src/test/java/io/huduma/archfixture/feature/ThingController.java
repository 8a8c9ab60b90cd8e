package io.huduma.archfixture.feature;

import io.huduma.platform.problem.ApiProblem;

/** Fixture: an adapter, which may speak HTTP problems and protobuf. */
class ThingController {

    io.huduma.contracts.common.v1.LocalizedText read(Thing thing) {
        if (thing == null) {
            throw ApiProblem.notFound("none");
        }
        return thing.toProto();
    }
}
