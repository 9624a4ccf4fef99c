package io.meshcatalog.subgraphs.mesh;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;

/**
 * One domain subgraph started alone on a random port with the caller secret of {@link GraphQlHttp}, called over real
 * HTTP, as the gateway would call it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = GraphQlHttp.SECRET_PROPERTY)
public @interface SubgraphTest {

    /** The domain's Spring configuration, such as {@code ShippingSubgraph.class}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "classes")
    Class<?>[] value();
}
