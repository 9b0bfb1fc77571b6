/**
 * The registration API's description: one OpenAPI 3.1 document, written by hand in
 * {@code src/main/resources/dlcs/openapi/openapi.json} and served at {@code /openapi} by this
 * application's own servlet, in YAML (the default) or JSON, as MicroProfile OpenAPI serves it.
 *
 * <p>Not generated from annotations: the resources answer {@code JsonObject}s built by hand, so
 * annotations would have said every schema again anyway, and the MicroProfile OpenAPI
 * implementations of the two servers this WAR runs on do not agree (WildFly's SmallRye is not in
 * its full profile; Payara's writes OpenAPI 3.0). One static document gives the same answer
 * everywhere. It is kept in step with the code by a unit test that reads the JAX-RS annotations
 * of every resource method and fails on any method, parameter or path the document does not
 * describe, or describes without the code serving it.
 */
package dlcs.openapi;
