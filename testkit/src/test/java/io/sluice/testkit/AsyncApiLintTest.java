package io.sluice.testkit;

import org.junit.jupiter.api.Test;

/**
 * {@code docs/asyncapi.yaml}, with the data schemas it references, passes the same linter as the services'
 * OpenAPI documents. (The events module's AsyncApiDocumentTest holds its content to the code.)
 */
class AsyncApiLintTest {

    @Test
    void theAsyncApiDocumentPassesTheLinterWithoutAWarning() {
        RedoclyLint.check(TestStack.root().resolve("docs/asyncapi.yaml"));
    }
}
