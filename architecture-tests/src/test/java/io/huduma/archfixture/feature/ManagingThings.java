package io.huduma.archfixture.feature;

import io.huduma.platform.problem.ApiProblem;

/** Fixture: a use case that answers in HTTP terms, as the catalogue's use cases once did. */
class ManagingThings {

    Thing find(String name) {
        throw ApiProblem.notFound("No thing named " + name);
    }
}
