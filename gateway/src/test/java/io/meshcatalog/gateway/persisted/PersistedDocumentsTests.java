package io.meshcatalog.gateway.persisted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.gateway.persisted.PersistedDocuments.Refused;
import io.meshcatalog.gateway.persisted.PersistedDocuments.Run;
import io.meshcatalog.gateway.persisted.PersistedDocuments.Settings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Persisted documents as Apollo's clients and Apollo Router have them: APQ, persisted query lists, the safelist. */
class PersistedDocumentsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REVIEWS = "query Reviews { topReviews { body } }";
    private static final PersistedQueryList LIST =
            list("reviews-v1", REVIEWS, "users-v1", "query Users { me { name } } fragment Named on User { name }");

    @Test
    void apqAsksForTheDocumentOnceThenRunsItByItsHash() {
        PersistedDocuments apq = new PersistedDocuments(Settings.DEFAULTS);
        String hash = DigestUtils.sha256Hex(REVIEWS);

        Refused unknown = (Refused) apq.resolve(null, persisted(hash));
        assertThat(unknown.status())
                .as("Apollo's clients retry with the document on this answer")
                .isEqualTo(200);
        assertThat(unknown.code()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(unknown.message()).isEqualTo("PersistedQueryNotFound");

        assertThat(apq.resolve(REVIEWS, persisted(hash))).isEqualTo(new Run(REVIEWS, hash));
        assertThat(apq.resolve(null, persisted(hash))).isEqualTo(new Run(REVIEWS, hash));
        assertThat(apq.resolve(null, persisted(hash.toUpperCase())))
                .as("hex in either case")
                .isEqualTo(new Run(REVIEWS, hash));
    }

    @Test
    void apqRemembersAsMuchDocumentTextAsItIsGivenAndRunsALargerDocumentWithoutKeepingIt() {
        PersistedDocuments small =
                new PersistedDocuments(new Settings(true, 4_096, PersistedQueryList.EMPTY, false, false, false));
        String large = "query Large { " + "topReviews { body } ".repeat(200) + "}";
        String hash = DigestUtils.sha256Hex(large);
        assertThat(small.resolve(large, persisted(hash))).isEqualTo(new Run(large, hash));
        assertThat(((Refused) small.resolve(null, persisted(hash))).code())
                .as("over the cache's 4 KB on its own")
                .isEqualTo("PERSISTED_QUERY_NOT_FOUND");

        String reviews = DigestUtils.sha256Hex(REVIEWS);
        small.resolve(REVIEWS, persisted(reviews));
        assertThat(small.resolve(null, persisted(reviews))).isEqualTo(new Run(REVIEWS, reviews));
    }

    @Test
    void apqRefusesAHashThatIsNotTheDocumentsAndAnotherVersion() {
        PersistedDocuments apq = new PersistedDocuments(Settings.DEFAULTS);
        Refused mismatch = (Refused) apq.resolve("{ me { name } }", persisted(DigestUtils.sha256Hex(REVIEWS)));
        assertThat(mismatch)
                .isEqualTo(new Refused(400, "PERSISTED_QUERY_HASH_MISMATCH", "provided sha does not match query"));
        assertThat(apq.resolve(null, persisted(DigestUtils.sha256Hex(REVIEWS))))
                .as("nothing was registered under the wrong hash")
                .isInstanceOf(Refused.class);

        Refused version = (Refused) apq.resolve(
                REVIEWS, Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", DigestUtils.sha256Hex(REVIEWS))));
        assertThat(version.status()).isEqualTo(400);
        assertThat(version.code()).isEqualTo("PERSISTED_QUERY_VERSION_NOT_SUPPORTED");
        assertThat(((Refused) apq.resolve(null, Map.of("persistedQuery", "abc"))).code())
                .isEqualTo("PERSISTED_QUERY_INVALID");
    }

    @Test
    void aListNamesItsOperationsByIdAndRefusesIdsItDoesNotHold() {
        PersistedDocuments listed = new PersistedDocuments(new Settings(false, 1L << 20, LIST, false, false, false));
        assertThat(listed.resolve(null, persisted("reviews-v1"))).isEqualTo(new Run(REVIEWS, "reviews-v1"));

        Refused unknown = (Refused) listed.resolve(null, persisted("reviews-v2"));
        assertThat(unknown)
                .isEqualTo(new Refused(
                        404,
                        "PERSISTED_QUERY_NOT_IN_LIST",
                        "Persisted query 'reviews-v2' not found in the persisted query list"));
        assertThat(((Refused) listed.resolve(REVIEWS, persisted("reviews-v1"))).code())
                .as("an id and a document together only register with APQ on")
                .isEqualTo("CANNOT_SEND_PQ_ID_AND_BODY");
        assertThat(listed.resolve("{ me { name } }", Map.of()))
                .as("no safelist: any document runs")
                .isEqualTo(new Run("{ me { name } }", null));

        PersistedDocuments neither =
                new PersistedDocuments(new Settings(false, 1L << 20, PersistedQueryList.EMPTY, false, false, false));
        assertThat(((Refused) neither.resolve(null, persisted("reviews-v1"))).code())
                .isEqualTo("PERSISTED_QUERY_NOT_SUPPORTED");
    }

    @Test
    void aSafelistRunsTheListsDocumentsWhateverTheirLayoutAndIntrospectionAndRefusesTheRest() {
        PersistedDocuments safelist = new PersistedDocuments(new Settings(false, 1L << 20, LIST, true, false, false));
        String relaid = """
        # the same operations, laid out and ordered differently
        fragment Named on User { name }
        query Users {
          me { name }
        }
        """;
        assertThat(safelist.resolve(relaid, Map.of())).isEqualTo(new Run(relaid, null));
        assertThat(safelist.resolve("query Reviews{topReviews{body,}}", Map.of()))
                .isInstanceOf(Run.class);
        assertThat(safelist.resolve(
                        "{ __schema { queryType { name } } ...Types } fragment Types on Query { __typename }",
                        Map.of()))
                .as("a schema explorer's introspection")
                .isInstanceOf(Run.class);

        Refused other = (Refused) safelist.resolve("query Reviews { topReviews { body author { name } } }", Map.of());
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.code()).isEqualTo("QUERY_NOT_IN_SAFELIST");
        assertThat(((Refused) safelist.resolve("{ __typename topReviews { body } }", Map.of())).code())
                .as("introspection beside data is data")
                .isEqualTo("QUERY_NOT_IN_SAFELIST");
        assertThat(safelist.resolve(null, persisted("users-v1"))).isInstanceOf(Run.class);
    }

    @Test
    void requireIdRunsOnlyWhatIsNamedById() {
        PersistedDocuments ids = new PersistedDocuments(new Settings(false, 1L << 20, LIST, false, true, false));
        Refused text = (Refused) ids.resolve(REVIEWS, Map.of());
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.code()).isEqualTo("PERSISTED_QUERY_ID_REQUIRED");
        assertThat(ids.resolve(null, persisted("reviews-v1"))).isEqualTo(new Run(REVIEWS, "reviews-v1"));
    }

    @Test
    void settingsThatWouldRefuseEverythingOrDefeatTheSafelistAreRefused() {
        assertThatThrownBy(() -> new Settings(true, 1L << 20, LIST, true, false, false))
                .hasMessageContaining("cannot be on with a safelist or require-id");
        assertThatThrownBy(() -> new Settings(false, 1L << 20, PersistedQueryList.EMPTY, true, false, false))
                .hasMessageContaining("needs a persisted query list");
    }

    @Test
    void aManifestThatCannotBeUsedIsRefusedNamingItAndTheOperation() {
        assertThatThrownBy(
                        () -> read("{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": ["
                                + "{\"id\": \"a\", \"body\": \"{ me { name } }\"}, {\"id\": \"b\"}]}"))
                .hasMessage("ops.json: operations[1] needs an \"id\" and a \"body\" (strings)");
        assertThatThrownBy(
                        () -> read("{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": ["
                                + "{\"id\": \"a\", \"body\": \"{ me { name \"}]}"))
                .hasMessage("ops.json: operations[0] (id a): its body is not a GraphQL document");
        assertThatThrownBy(
                        () -> read(
                                "{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": ["
                                        + "{\"id\": \"a\", \"body\": \"{ me { name } }\"}, {\"id\": \"a\", \"body\": \"{ me { id } }\"}]}"))
                .hasMessage("ops.json: operations[1]: id a names two different bodies");
        assertThatThrownBy(() -> read("{\"operations\": []}"))
                .hasMessageContaining("is not a persisted query manifest");
        assertThatThrownBy(() -> read("[")).hasMessageStartingWith("ops.json is not JSON");
    }

    private static PersistedQueryList read(String manifest) {
        return PersistedQueryList.read(List.of(Map.entry("ops.json", manifest.getBytes(StandardCharsets.UTF_8))), JSON);
    }

    private static PersistedQueryList list(String... idsAndBodies) {
        StringBuilder operations = new StringBuilder();
        for (int i = 0; i < idsAndBodies.length; i += 2) {
            operations
                    .append(i == 0 ? "" : ",")
                    .append(JSON.writeValueAsString(Map.of(
                            "id", idsAndBodies[i], "name", "op" + i, "type", "query", "body", idsAndBodies[i + 1])));
        }
        return read("{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": [" + operations
                + "]}");
    }

    private static Map<String, @Nullable Object> persisted(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }
}
