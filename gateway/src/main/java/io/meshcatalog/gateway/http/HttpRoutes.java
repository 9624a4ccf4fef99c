package io.meshcatalog.gateway.http;

import java.util.List;

/** Several routes that belong together (a page and its assets), as one bean. */
@FunctionalInterface
public interface HttpRoutes {

    List<HttpRoute> routes();
}
